using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Lifecycle;

namespace Publishing.Channels.WeChat;

/// <summary>Stores the accepted publish job (record and callback index). Idempotent; the channel stays <c>sending</c> while the job runs.</summary>
public sealed class WeChatRecordSubmissionActivity(PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<WeChatSubmission, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WeChatSubmission input)
    {
        var request = input.Request;
        await publications.IndexWeChatPublishIdAsync(input.PublishId, request.ItemId, request.Version, input.InstanceId);
        var record = await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => r with { PublishId = input.PublishId });
        await ChannelAudit.AppendAsync(audit, time, request, "submitted", record.Attempts, null, null, null);
        return true;
    }
}
