using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>
/// After 终审: waits for <c>publishAt</c> on a durable timer if set (status Scheduled, cancellable), then publishes
/// the approved version: the website first, then the social channels in parallel; then sets the item status.
/// </summary>
public sealed class PublishOrchestrator : TaskOrchestrator<PublishInput, PublishOutcome>
{
    public override async Task<PublishOutcome> RunAsync(TaskOrchestrationContext context, PublishInput input)
    {
        if (input.PublishAt is { } publishAt && publishAt.UtcDateTime > context.CurrentUtcDateTime)
        {
            await RecordAsync(context, input, AuditActions.Scheduled, ItemStatus.Scheduled, "system", context.CurrentUtcDateTime, $"定时发布：{publishAt:yyyy-MM-dd HH:mm}", 0);
            using var timerCancellation = new CancellationTokenSource();
            Task timer = context.CreateTimer(publishAt.UtcDateTime, timerCancellation.Token);
            // Commands other than a cancellation (none are expected here) are ignored, a bounded number of times.
            for (int ignored = 0; ignored < 100; ignored++)
            {
                Task<ItemCommand> command = context.WaitForExternalEvent<ItemCommand>(ItemCommand.EventName);
                if (await Task.WhenAny(timer, command) == timer)
                {
                    break;
                }

                if (command.Result.Type == ItemCommandType.CancelSchedule)
                {
                    timerCancellation.Cancel();
                    await RecordAsync(context, input, AuditActions.ScheduleCancelled, ItemStatus.Approved, command.Result.Actor, command.Result.At, "定时发布已取消", 1);
                    return new PublishOutcome(ItemStatus.Approved, []);
                }
            }

            await timer;
        }

        await RecordAsync(context, input, AuditActions.PublishingStarted, ItemStatus.Publishing, "system", context.CurrentUtcDateTime, null, 2);
        await ChannelSteps.FanOutAsync(context, input.Channels.Select(c => ChannelSteps.Request(input, c, attempt: 1)).ToList());
        return await context.CallActivityAsync<PublishOutcome>(nameof(FinishPublishingActivity),
            new FinishPublishing(input.ItemId, input.Version, input.Channels, "run1"), DurableRetries.Storage);
    }

    static Task RecordAsync(TaskOrchestrationContext context, PublishInput input, string action, ItemStatus status, string actor, DateTimeOffset at, string? details, int offset) =>
        context.CallActivityAsync<bool>(nameof(RecordItemEventActivity), new ItemEvent(
            input.ItemId, $"v{input.Version}-{action}", action, actor, at, input.Version, Status: status, Details: details,
            Step: input.Step == 0 ? 0 : input.Step + offset), DurableRetries.Storage);
}
