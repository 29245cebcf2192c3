using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;

namespace Publishing.Functions.Durable;

/// <summary>Hand-written <c>[Function]</c> wrappers of the publishing workflow.</summary>
public static class PublishWorkflowFunctions
{
    [Function(nameof(PublishOrchestrator))]
    public static Task<PublishOutcome> PublishOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PublishOrchestrator().RunAsync(context, context.GetInput<PublishInput>()!);

    [Function(nameof(RetryChannelOrchestrator))]
    public static Task<PublishOutcome> RetryChannelOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetryChannelOrchestrator().RunAsync(context, context.GetInput<RetryChannelInput>()!);

    [Function(nameof(RetractOrchestrator))]
    public static Task<IReadOnlyList<ChannelResult>> RetractOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetractOrchestrator().RunAsync(context, context.GetInput<RetractInput>()!);

    [Function(nameof(PublishWebsiteActivity))]
    public static Task<ChannelResult> PublishWebsite([ActivityTrigger] ChannelPublishRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<PublishWebsiteActivity, ChannelPublishRequest, ChannelResult>(function, input);

    [Function(nameof(RecordChannelResultActivity))]
    public static Task<ChannelResult> RecordChannelResult([ActivityTrigger] ChannelOutcome input, FunctionContext function) =>
        ActivityRunner.RunAsync<RecordChannelResultActivity, ChannelOutcome, ChannelResult>(function, input);

    [Function(nameof(FinishPublishingActivity))]
    public static Task<PublishOutcome> FinishPublishing([ActivityTrigger] FinishPublishing input, FunctionContext function) =>
        ActivityRunner.RunAsync<FinishPublishingActivity, FinishPublishing, PublishOutcome>(function, input);

    [Function(nameof(WeChatPublishOrchestrator))]
    public static Task<ChannelResult> WeChatPublishOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WeChatPublishOrchestrator().RunAsync(context, context.GetInput<ChannelPublishRequest>()!);

    [Function(nameof(WeChatDraftActivity))]
    public static Task<WeChatStep> WeChatDraft([ActivityTrigger] ChannelPublishRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatDraftActivity, ChannelPublishRequest, WeChatStep>(function, input);

    [Function(nameof(WeChatSubmitActivity))]
    public static Task<WeChatStep> WeChatSubmit([ActivityTrigger] ChannelPublishRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatSubmitActivity, ChannelPublishRequest, WeChatStep>(function, input);

    [Function(nameof(WeChatPollActivity))]
    public static Task<WeChatPublishStatus?> WeChatPoll([ActivityTrigger] WeChatPollRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatPollActivity, WeChatPollRequest, WeChatPublishStatus?>(function, input);

    [Function(nameof(WeChatRecordResultActivity))]
    public static Task<ChannelResult> WeChatRecordResult([ActivityTrigger] WeChatOutcome input, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatRecordResultActivity, WeChatOutcome, ChannelResult>(function, input);

    [Function(nameof(PublishWeiboActivity))]
    public static Task<ChannelResult> PublishWeibo([ActivityTrigger] ChannelPublishRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<PublishWeiboActivity, ChannelPublishRequest, ChannelResult>(function, input);

    [Function(nameof(RetractChannelActivity))]
    public static Task<ChannelResult> RetractChannel([ActivityTrigger] ChannelPublishRequest input, FunctionContext function) =>
        ActivityRunner.RunAsync<RetractChannelActivity, ChannelPublishRequest, ChannelResult>(function, input);
}
