using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Input of <see cref="HoldChannelActivity"/>.</summary>
public sealed record HoldChannel(ChannelPublishRequest Request, string Reason);

/// <summary>
/// The website did not publish, so a social post would link to a missing page: the channel is not sent. It stays
/// <c>pending</c> with the reason; a successful retry of the website sends it.
/// </summary>
public sealed class HoldChannelActivity(PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<HoldChannel, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, HoldChannel input)
    {
        var request = input.Request;
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        if (record.State == ChannelState.Pending)
        {
            record = await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => r with { LastError = input.Reason });
            await ChannelAudit.AppendAsync(audit, time, request, "held", record.Attempts, record.State, null, input.Reason);
        }

        return new ChannelResult(request.Channel, record.State, record.Url, record.LastError);
    }
}
