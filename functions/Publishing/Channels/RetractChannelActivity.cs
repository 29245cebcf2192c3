using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Channels.Website;

namespace Publishing.Channels;

/// <summary>Takes one channel's publication down (website page removed; WeChat article deleted; Weibo post destroyed).</summary>
public sealed partial class RetractChannelActivity(
    PublicationStore publications, WebsitePublisher website, AuditTrail audit, TimeProvider time, IServiceProvider services)
    : TaskActivity<ChannelPublishRequest, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        ChannelResult result;
        if (record.State == PublicationStates.Retracted)
        {
            return new ChannelResult(request.Channel, PublicationStates.Retracted, null, null);
        }

        if (record.State is PublicationStates.Previewed or PublicationStates.Pending or PublicationStates.Failed)
        {
            // Nothing was ever public on this channel.
            result = new ChannelResult(request.Channel, PublicationStates.Retracted, null, null);
        }
        else if (request.Channel == Items.Channels.Website)
        {
            await website.UnpublishAsync(request.ItemId);
            result = new ChannelResult(request.Channel, PublicationStates.Retracted, null, null);
        }
        else
        {
            result = await RetractRemoteAsync(record, request);
        }

        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r =>
        {
            r.State = result.State;
            r.LastError = result.Error;
        });
        await ChannelAudit.AppendAsync(audit, time, request, result, "retract");
        return result;
    }
}
