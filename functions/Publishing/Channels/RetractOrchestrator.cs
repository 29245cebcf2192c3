using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>
/// Takes the item down from every channel with any presence there, whatever its label says: a send in flight (a
/// WeChat publish job) is awaited and then deleted. The item is Retracted only when every channel is confirmed
/// down, otherwise RetractFailed with each channel's reason; a new round acts on the channels not yet down.
/// </summary>
public sealed class RetractOrchestrator : TaskOrchestrator<RetractInput, PublishOutcome>
{

    public const string StillInFlightMessage = "发布任务仍在进行中，尚未能撤下。请稍后再次执行撤回。";

    public override async Task<PublishOutcome> RunAsync(TaskOrchestrationContext context, RetractInput input)
    {
        await context.CallActivityAsync<bool>(nameof(RecordItemEventActivity), new ItemEvent(
            input.ItemId, $"v{input.Version}-retract-started-r{input.Round}", AuditActions.RetractStarted, input.Actor,
            context.CurrentUtcDateTime, input.Version, Status: ItemStatus.Retracting, Details: input.Reason), DurableRetries.Storage);

        await Task.WhenAll(input.Channels.Select(channel => RetractChannelAsync(context, input,
            new ChannelPublishRequest(input.ItemId, input.Version, "", channel))));

        return await context.CallActivityAsync<PublishOutcome>(nameof(FinishRetractActivity), input, DurableRetries.Storage);
    }

    static async Task<ChannelResult?> RetractChannelAsync(TaskOrchestrationContext context, RetractInput input, ChannelPublishRequest request)
    {
        for (int wait = 0; ; wait++)
        {
            var begun = await context.CallActivityAsync<RetractBegun>(nameof(BeginRetractActivity),
                new RetractChannel(request, input.Round), DurableRetries.Storage);
            if (begun.Start == RetractStart.AlreadyDown)
            {
                return null;
            }

            if (begun.Start == RetractStart.InFlight)
            {
                if (wait >= input.MaxWaits)
                {
                    return new ChannelResult(request.Channel, ChannelState.Sending, null, StillInFlightMessage);
                }

                await context.CreateTimer(input.WaitInterval, CancellationToken.None);
                continue;
            }

            SendResult takedown;
            try
            {
                takedown = await context.CallActivityAsync<SendResult>(nameof(RetractChannelActivity),
                    new RetractChannel(request, input.Round), DurableRetries.Takedown);
            }
            catch (TaskFailedException e)
            {
                takedown = new SendResult(ChannelState.RetractFailed, Error: $"撤回失败，已自动重试仍未成功：{e.FailureDetails.ErrorMessage}。请稍后再次撤回。");
            }

            return await ChannelSteps.ApplyAsync(context, request, takedown, TransitionCause.Retract, $"retract-r{input.Round}");
        }
    }
}
