using Microsoft.DurableTask;
using Publishing.Audit;

namespace Publishing.Channels.Website;

/// <summary>Publishes the approved version as a page of the government website.</summary>
public sealed class PublishWebsiteActivity(
    WebsitePublisher website, ContentIntegrity integrity, PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<ChannelPublishRequest, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => r.Attempts++);
        ChannelResult result;
        if (await integrity.LoadApprovedAsync(request) is null)
        {
            result = new ChannelResult(request.Channel, PublicationStates.Failed, null, ContentIntegrity.MismatchMessage);
        }
        else
        {
            try
            {
                // Writing the same page again is harmless, so a replay simply republishes.
                string url = await website.PublishAsync(request.ItemId, request.Version);
                result = new ChannelResult(request.Channel, PublicationStates.Published, url, null);
            }
            catch (Exception e)
            {
                await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => r.LastError = e.Message);
                throw;
            }
        }

        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r =>
        {
            r.State = result.State;
            r.Url = result.Url;
            r.LastError = result.Error;
        });
        await ChannelAudit.AppendAsync(audit, time, request, result, $"attempt{record.Attempts}");
        return result;
    }
}
