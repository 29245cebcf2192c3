namespace Publishing.Lifecycle;

/// <summary>The item status that follows from its channels' states (pure, so it is tested without storage).</summary>
public static class ItemStatusRules
{
    /// <summary>Published when every channel is done; Failed when none got anywhere; else partially published.</summary>
    public static ItemStatus AfterPublishing(IEnumerable<ChannelState> channelStates)
    {
        var states = channelStates.ToList();
        if (states.Count > 0 && states.All(ChannelStates.IsDone))
        {
            return ItemStatus.Published;
        }

        return states.Any(s => s.IsDone() || s is ChannelState.PendingReview or ChannelState.Unknown or ChannelState.Sending)
            ? ItemStatus.PartiallyPublished
            : ItemStatus.Failed;
    }

    /// <summary>Retracted only when every channel is confirmed down.</summary>
    public static ItemStatus AfterRetraction(IEnumerable<ChannelState> channelStates) =>
        channelStates.All(s => s == ChannelState.Retracted) ? ItemStatus.Retracted : ItemStatus.RetractFailed;
}
