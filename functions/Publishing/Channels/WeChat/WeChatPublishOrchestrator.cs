using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels.WeChat;

/// <summary>
/// The official Official Account flow: draft (body images uploaded, cover, draft/add) → freepublish/submit →
/// the PUBLISHJOBFINISH callback raised into this orchestration, with a small, bounded freepublish/get fallback.
/// Each step resumes from the publication record, so a replay never creates a second submit.
/// Instance id: <see cref="ItemInstances.WeChat"/> (one per attempt).
/// </summary>
public sealed class WeChatPublishOrchestrator : TaskOrchestrator<ChannelPublishRequest, ChannelResult>
{
    public const string FinishedEvent = "WeChatPublishFinished";


    public override async Task<ChannelResult> RunAsync(TaskOrchestrationContext context, ChannelPublishRequest request)
    {
        WeChatStep draft = await context.CallActivityAsync<WeChatStep>(nameof(WeChatDraftActivity), request, DurableRetries.WeChatDraft);
        if (draft.Ended is not null)
        {
            return await ChannelSteps.ApplyAsync(context, request, draft.Ended, TransitionCause.Workflow, "draft");
        }

        WeChatStep submitted = await context.CallActivityAsync<WeChatStep>(nameof(WeChatSubmitActivity), request, DurableRetries.Never);
        if (submitted.Ended is not null)
        {
            return await ChannelSteps.ApplyAsync(context, request, submitted.Ended, TransitionCause.Workflow, "submit");
        }

        // The job id is in this orchestration's history now; storing it has a durable retry of its own.
        await context.CallActivityAsync<bool>(nameof(WeChatRecordSubmissionActivity),
            new WeChatSubmission(request, submitted.PublishId!, context.InstanceId), DurableRetries.Storage);

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
                    new WeChatPollRequest(request, submitted.PublishId!), DurableRetries.Storage);
                if (polled is { PublishStatus: not 1 })
                {
                    status = polled;
                }
            }
        }

        return await ChannelSteps.ApplyAsync(context, request, WeChatPublishResults.From(status), TransitionCause.Workflow, "result");
    }
}
