using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Input of <see cref="FinishPublishingActivity"/>; <paramref name="RunId"/> makes each publish run's audit entry distinct.</summary>
public sealed record FinishPublishing(string ItemId, int Version, IReadOnlyList<string> Channels, string RunId);

/// <summary>Sets the item's status from every channel's record and notifies.</summary>
public sealed class FinishPublishingActivity(ItemStatusAggregator aggregator) : TaskActivity<FinishPublishing, PublishOutcome>
{
    public override Task<PublishOutcome> RunAsync(TaskActivityContext context, FinishPublishing input) =>
        aggregator.AfterPublishingAsync(input.ItemId, input.Version, input.Channels, input.RunId);
}
