using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels;

public sealed record HeldChannel(string Channel, int Attempt);

/// <summary>The social channels still <c>pending</c> (held for the website), which a website retry sends.</summary>
public sealed class ListHeldChannelsActivity(PublicationStore publications) : TaskActivity<ItemVersionRef, IReadOnlyList<HeldChannel>>
{
    public override async Task<IReadOnlyList<HeldChannel>> RunAsync(TaskActivityContext context, ItemVersionRef input) =>
        (await publications.ListAsync(input.ItemId, input.Version))
            .Where(r => r.Channel != Items.Channels.Website && r.State == ChannelState.Pending)
            .Select(r => new HeldChannel(r.Channel, r.Attempts))
            .ToList();
}
