using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Claims one channel for this retraction round (→ <c>retracting</c>), unless it is down already or a send is in flight.</summary>
public sealed class BeginRetractActivity(PublicationStore publications) : TaskActivity<RetractChannel, RetractBegun>
{
    public override async Task<RetractBegun> RunAsync(TaskActivityContext context, RetractChannel input)
    {
        var request = input.Request;
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        switch (record.State)
        {
            case ChannelState.Retracted:
                return new RetractBegun(RetractStart.AlreadyDown);
            case ChannelState.Sending:
                return new RetractBegun(RetractStart.InFlight);
            case ChannelState.Retracting when record.RetractRound == input.Round:
                // This round claimed it before (replay); the takedown step decides from the remote ids.
                return new RetractBegun(RetractStart.Started);
        }

        var claimed = await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, ChannelState.Retracting,
            TransitionCause.Retract, r => r with { RetractRound = input.Round, RetractedFrom = r.State == ChannelState.RetractFailed ? r.RetractedFrom : r.State });
        return claimed.Applied
            ? new RetractBegun(RetractStart.Started)
            : new RetractBegun(claimed.Current.State == ChannelState.Retracted ? RetractStart.AlreadyDown : RetractStart.InFlight);
    }
}
