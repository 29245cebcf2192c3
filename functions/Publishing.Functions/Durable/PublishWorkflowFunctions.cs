using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;
using Publishing.Lifecycle;

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
    public static Task<PublishOutcome> RetractOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetractOrchestrator().RunAsync(context, context.GetInput<RetractInput>()!);

    [Function(nameof(WeChatPublishOrchestrator))]
    public static Task<ChannelResult> WeChatPublishOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WeChatPublishOrchestrator().RunAsync(context, context.GetInput<ChannelPublishRequest>()!);

    [Function(nameof(PublishWebsiteActivity))]
    public static Task<SendResult> PublishWebsite([ActivityTrigger] ChannelPublishRequest input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<PublishWebsiteActivity, ChannelPublishRequest, SendResult>(function, instanceId, input);

    [Function(nameof(PublishWeiboActivity))]
    public static Task<SendResult> PublishWeibo([ActivityTrigger] ChannelPublishRequest input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<PublishWeiboActivity, ChannelPublishRequest, SendResult>(function, instanceId, input);

    [Function(nameof(ApplyChannelResultActivity))]
    public static Task<ChannelResult> ApplyChannelResult([ActivityTrigger] ChannelOutcome input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<ApplyChannelResultActivity, ChannelOutcome, ChannelResult>(function, instanceId, input);

    [Function(nameof(SettleChannelActivity))]
    public static Task<ChannelResult> SettleChannel([ActivityTrigger] SettleChannel input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<SettleChannelActivity, SettleChannel, ChannelResult>(function, instanceId, input);

    [Function(nameof(HoldChannelActivity))]
    public static Task<ChannelResult> HoldChannel([ActivityTrigger] HoldChannel input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<HoldChannelActivity, HoldChannel, ChannelResult>(function, instanceId, input);

    [Function(nameof(ListHeldChannelsActivity))]
    public static Task<IReadOnlyList<HeldChannel>> ListHeldChannels([ActivityTrigger] ItemVersionRef input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<ListHeldChannelsActivity, ItemVersionRef, IReadOnlyList<HeldChannel>>(function, instanceId, input);

    [Function(nameof(FinishPublishingActivity))]
    public static Task<PublishOutcome> FinishPublishing([ActivityTrigger] FinishPublishing input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<FinishPublishingActivity, FinishPublishing, PublishOutcome>(function, instanceId, input);

    [Function(nameof(BeginRetractActivity))]
    public static Task<RetractBegun> BeginRetract([ActivityTrigger] RetractChannel input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<BeginRetractActivity, RetractChannel, RetractBegun>(function, instanceId, input);

    [Function(nameof(RetractChannelActivity))]
    public static Task<SendResult> RetractChannel([ActivityTrigger] RetractChannel input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<RetractChannelActivity, RetractChannel, SendResult>(function, instanceId, input);

    [Function(nameof(FinishRetractActivity))]
    public static Task<PublishOutcome> FinishRetract([ActivityTrigger] RetractInput input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<FinishRetractActivity, RetractInput, PublishOutcome>(function, instanceId, input);

    [Function(nameof(WeChatDraftActivity))]
    public static Task<WeChatStep> WeChatDraft([ActivityTrigger] ChannelPublishRequest input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatDraftActivity, ChannelPublishRequest, WeChatStep>(function, instanceId, input);

    [Function(nameof(WeChatSubmitActivity))]
    public static Task<WeChatStep> WeChatSubmit([ActivityTrigger] ChannelPublishRequest input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatSubmitActivity, ChannelPublishRequest, WeChatStep>(function, instanceId, input);

    [Function(nameof(WeChatRecordSubmissionActivity))]
    public static Task<bool> WeChatRecordSubmission([ActivityTrigger] WeChatSubmission input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatRecordSubmissionActivity, WeChatSubmission, bool>(function, instanceId, input);

    [Function(nameof(WeChatPollActivity))]
    public static Task<WeChatPublishStatus?> WeChatPoll([ActivityTrigger] WeChatPollRequest input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<WeChatPollActivity, WeChatPollRequest, WeChatPublishStatus?>(function, instanceId, input);
}
