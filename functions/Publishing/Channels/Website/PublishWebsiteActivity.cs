using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Lifecycle;

namespace Publishing.Channels.Website;

/// <summary>
/// Publishes the approved version as a page of the government website and records the result itself: it is our own
/// storage, so a replay (or the durable retry after a failed write) simply writes the page and the record again.
/// </summary>
public sealed class PublishWebsiteActivity(
    WebsitePublisher website, ContentIntegrity integrity, PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<ChannelPublishRequest, SendResult>
{
    public override async Task<SendResult> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        if (record.Attempts != request.Attempt || record.State is not (ChannelState.Pending or ChannelState.Sending))
        {
            return Current(record);
        }

        if (record.State == ChannelState.Pending)
        {
            var claimed = await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, ChannelState.Sending,
                TransitionCause.Workflow, when: r => r.Attempts == request.Attempt);
            if (!claimed.Applied)
            {
                return Current(claimed.Current);
            }
        }

        // An exception goes to the durable retry, which finds the claim and writes the page again.
        var (state, url, error) = await integrity.LoadApprovedAsync(request) is null
            ? (ChannelState.Failed, (string?)null, ContentIntegrity.MismatchMessage)
            : (ChannelState.Published, await website.PublishAsync(request.ItemId, request.Version), (string?)null);
        var written = await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, state, TransitionCause.Workflow,
            r => r with { Url = url ?? r.Url, LastError = error });
        await ChannelAudit.AppendAsync(audit, time, request, "send", written.Current.Attempts, written.Current.State, url, error);
        return Current(written.Current);
    }

    static SendResult Current(PublicationRecord record) => new(record.State, record.Url, record.LastError, Written: true);
}
