using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels.Website;

/// <summary>
/// Publishes the approved version as a page of the government website. Our own storage: a replay simply writes the
/// page again, so a run that finds its own claim (<c>sending</c>) carries on.
/// </summary>
public sealed class PublishWebsiteActivity(WebsitePublisher website, ContentIntegrity integrity, PublicationStore publications)
    : TaskActivity<ChannelPublishRequest, SendResult>
{
    public override async Task<SendResult> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        if (record.Attempts != request.Attempt || record.State is not (ChannelState.Pending or ChannelState.Sending))
        {
            return SendResult.NothingToWrite;
        }

        if (record.State == ChannelState.Pending
            && !(await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, ChannelState.Sending, TransitionCause.Workflow,
                when: r => r.Attempts == request.Attempt)).Applied)
        {
            return SendResult.NothingToWrite;
        }

        if (await integrity.LoadApprovedAsync(request) is null)
        {
            return SendResult.Failed(ContentIntegrity.MismatchMessage);
        }

        // Exceptions go to the durable retry, which finds the claim and writes the page again.
        string url = await website.PublishAsync(request.ItemId, request.Version);
        return new SendResult(ChannelState.Published, url);
    }
}
