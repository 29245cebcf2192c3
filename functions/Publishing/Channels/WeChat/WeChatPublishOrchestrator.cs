using Microsoft.DurableTask;

namespace Publishing.Channels.WeChat;

/// <summary>
/// The official Official Account flow: draft (body images uploaded, cover, draft/add) → freepublish/submit →
/// the PUBLISHJOBFINISH callback raised into this orchestration, with a small, bounded freepublish/get fallback.
/// Each step resumes from the publication record, so a replay never creates a second draft or submit.
/// </summary>
public sealed class WeChatPublishOrchestrator : TaskOrchestrator<ChannelPublishRequest, ChannelResult>
{
    public const string FinishedEvent = "WeChatPublishFinished";

    // Drafts are not public, so the draft step may be retried; submit is never retried automatically.
    static readonly TaskOptions DraftRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(10), 2));
    static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2));

    public override async Task<ChannelResult> RunAsync(TaskOrchestrationContext context, ChannelPublishRequest request)
    {
        WeChatStep draft = await context.CallActivityAsync<WeChatStep>(nameof(WeChatDraftActivity), request, DraftRetry);
        if (draft.Result is not null)
        {
            return draft.Result;
        }

        WeChatStep submitted = await context.CallActivityAsync<WeChatStep>(nameof(WeChatSubmitActivity), request);
        if (submitted.Result is not null)
        {
            return submitted.Result;
        }

        Task<WeChatPublishStatus> callback = context.WaitForExternalEvent<WeChatPublishStatus>(FinishedEvent);
        WeChatPublishStatus? status = null;
        for (int poll = 0; poll <= submitted.MaxPolls && status is null; poll++)
        {
            using var timerCancellation = new CancellationTokenSource();
            Task timer = context.CreateTimer(submitted.PollAfter!.Value * (poll + 1), timerCancellation.Token);
            if (await Task.WhenAny(callback, timer) == callback)
            {
                timerCancellation.Cancel();
                status = callback.Result;
                break;
            }

            if (poll < submitted.MaxPolls)
            {
                var polled = await context.CallActivityAsync<WeChatPublishStatus?>(nameof(WeChatPollActivity),
                    new WeChatPollRequest(request, submitted.PublishId!), StorageRetry);
                if (polled is { PublishStatus: not 1 })
                {
                    status = polled;
                }
            }
        }

        return await context.CallActivityAsync<ChannelResult>(nameof(WeChatRecordResultActivity),
            new WeChatOutcome(request, status, status is null ? "微信未在预期时间内返回发布结果，请登录公众平台核实。" : null), StorageRetry);
    }
}
