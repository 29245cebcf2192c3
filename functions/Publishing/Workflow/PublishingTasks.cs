using Microsoft.DurableTask;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;
using Publishing.Expiry;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Supervision;
using Publishing.Supervision.Interpretations;
using Publishing.Supervision.Patrol;
using Publishing.Supervision.Staleness;

namespace Publishing.Workflow;

/// <summary>Every orchestrator and activity of the product, registered once for both hosts.</summary>
public static class PublishingTasks
{
    public static DurableTaskRegistry AddPublishingTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<ItemOrchestrator>();
        registry.AddActivity<RecordItemEventActivity>();
        registry.AddActivity<Items.CompleteSubmissionActivity>();

        registry.AddActivity<RunChecksActivity>();
        registry.AddActivity<OpenStageActivity>();
        registry.AddActivity<ApproveItemActivity>();

        registry.AddOrchestrator<PublishOrchestrator>();
        registry.AddOrchestrator<RetryChannelOrchestrator>();
        registry.AddActivity<PublishWebsiteActivity>();
        registry.AddActivity<ApplyChannelResultActivity>();
        registry.AddActivity<SettleChannelActivity>();
        registry.AddActivity<HoldChannelActivity>();
        registry.AddActivity<ListHeldChannelsActivity>();
        registry.AddActivity<FinishPublishingActivity>();
        registry.AddOrchestrator<RetractOrchestrator>();
        registry.AddActivity<BeginRetractActivity>();
        registry.AddActivity<RetractChannelActivity>();
        registry.AddActivity<FinishRetractActivity>();
        registry.AddActivity<PublishWeiboActivity>();
        registry.AddOrchestrator<WeChatPublishOrchestrator>();
        registry.AddActivity<WeChatDraftActivity>();
        registry.AddActivity<WeChatSubmitActivity>();
        registry.AddActivity<WeChatRecordSubmissionActivity>();
        registry.AddActivity<WeChatPollActivity>();
        registry.AddOrchestrator<ExpiryOrchestrator>();
        registry.AddActivity<ReadExpiryActivity>();
        registry.AddActivity<ExpireFromWebsiteActivity>();

        registry.AddOrchestrator<StalenessMonitorOrchestrator>();
        registry.AddActivity<CheckStalenessActivity>();
        registry.AddOrchestrator<InterpretationMonitorOrchestrator>();
        registry.AddActivity<CheckInterpretationsActivity>();
        registry.AddOrchestrator<PatrolMonitorOrchestrator>();
        registry.AddActivity<RunPatrolActivity>();
        registry.AddDisclosureAndColumnMonitors();
        return registry;
    }
}
