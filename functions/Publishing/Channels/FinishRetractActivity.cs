using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Retracted only when every channel is confirmed down; otherwise RetractFailed with the reasons.</summary>
public sealed class FinishRetractActivity(ItemStatusAggregator aggregator) : TaskActivity<RetractInput, PublishOutcome>
{
    public override Task<PublishOutcome> RunAsync(TaskActivityContext context, RetractInput input) =>
        aggregator.AfterRetractionAsync(input.ItemId, input.Version, input.Channels, input.Actor, input.Round);
}
