using Microsoft.DurableTask;
using Publishing.Items;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;
using Publishing.Review;

namespace Publishing.Channels;

/// <summary>
/// After 终审: waits for <c>publishAt</c> on a durable timer if set (status Scheduled, cancellable), then publishes
/// the approved version to all its channels in parallel, each with its own retry policy, and sets the item status.
/// </summary>
public sealed class PublishOrchestrator : TaskOrchestrator<PublishInput, PublishOutcome>
{
    static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2));

    // The website is our own storage: retrying is always safe.
    static readonly TaskOptions WebsiteRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(5), 2));

    // No durable retry for the social channels: their activities resume from the publication record and
    // classify failures themselves; a blind re-run could post twice.
    static readonly TaskOptions NoRetry = new();

    public const string CancelCommand = "cancel-schedule";

    public override async Task<PublishOutcome> RunAsync(TaskOrchestrationContext context, PublishInput input)
    {
        if (input.PublishAt is { } publishAt && publishAt.UtcDateTime > context.CurrentUtcDateTime)
        {
            await RecordAsync(context, input, "scheduled", PublishStatuses.Scheduled, $"定时发布：{publishAt:yyyy-MM-dd HH:mm}");
            using var timerCancellation = new CancellationTokenSource();
            Task timer = context.CreateTimer(publishAt.UtcDateTime, timerCancellation.Token);
            Task<ItemCommand> cancel = context.WaitForExternalEvent<ItemCommand>(ItemCommandTypes.EventName);
            if (await Task.WhenAny(timer, cancel) == cancel)
            {
                timerCancellation.Cancel();
                await context.CallActivityAsync<StageDeadline?>(nameof(RecordItemEventActivity), new ItemEvent(
                    input.ItemId, $"v{input.Version}-schedule-cancelled", "schedule-cancelled", cancel.Result.Actor, cancel.Result.At,
                    input.Version, Status: ItemStatuses.Approved, Details: "定时发布已取消"), StorageRetry);
                return new PublishOutcome(ItemStatuses.Approved, []);
            }
        }

        await RecordAsync(context, input, "publishing", PublishStatuses.Publishing, null);
        var channelTasks = input.Channels.Select(channel => PublishChannelAsync(context, input, channel)).ToList();
        ChannelResult[] results = await Task.WhenAll(channelTasks);

        return await context.CallActivityAsync<PublishOutcome>(nameof(FinishPublishingActivity),
            new FinishPublishing(input.ItemId, input.Version, input.Channels, input.SubmittedBy, context.NewGuid().ToString("N")), StorageRetry);
    }

    static Task RecordAsync(TaskOrchestrationContext context, PublishInput input, string action, string status, string? details) =>
        context.CallActivityAsync<StageDeadline?>(nameof(RecordItemEventActivity), new ItemEvent(
            input.ItemId, $"v{input.Version}-{action}", action, "system", context.CurrentUtcDateTime, input.Version,
            Status: status, Details: details), StorageRetry);

    internal static async Task<ChannelResult> PublishChannelAsync(TaskOrchestrationContext context, PublishInput input, string channel)
    {
        var request = new ChannelPublishRequest(input.ItemId, input.Version, input.ContentHash, channel);
        try
        {
            return channel switch
            {
                Items.Channels.Website => await context.CallActivityAsync<ChannelResult>(nameof(PublishWebsiteActivity), request, WebsiteRetry),
                Items.Channels.Weibo => await context.CallActivityAsync<ChannelResult>(nameof(PublishWeiboActivity), request, NoRetry),
                Items.Channels.WeChat => await context.CallSubOrchestratorAsync<ChannelResult>(
                    nameof(WeChatPublishOrchestrator), request,
                    new SubOrchestrationOptions { InstanceId = $"{input.ItemId}-wechat-v{input.Version}-{context.NewGuid():N}" }),
                _ => new ChannelResult(channel, PublicationStates.Failed, null, $"未知的发布渠道“{channel}”。"),
            };
        }
        catch (TaskFailedException e)
        {
            // Retries are exhausted: record the failure so a person can retry the channel later.
            string error = $"发布失败，已自动重试仍未成功：{e.FailureDetails.ErrorMessage}";
            var failed = new ChannelResult(channel, PublicationStates.Failed, null, error);
            return await context.CallActivityAsync<ChannelResult>(
                nameof(RecordChannelResultActivity), new ChannelOutcome(request, failed), StorageRetry);
        }
    }
}

/// <summary>Input of <see cref="RecordChannelResultActivity"/>.</summary>
public sealed record ChannelOutcome(ChannelPublishRequest Request, ChannelResult Result);
