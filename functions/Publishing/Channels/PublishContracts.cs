namespace Publishing.Channels;

/// <summary>Publishes one approved version to its channels. Instance id: <see cref="InstanceIdFor"/>.</summary>
public sealed record PublishInput(
    string ItemId,
    int Version,
    string ContentHash,
    IReadOnlyList<string> Channels,
    DateTimeOffset? PublishAt,
    string SubmittedBy)
{
    public static string InstanceIdFor(string itemId, int version) => $"{itemId}-publish-v{version}";
}

/// <summary>One channel's publish request (activity or sub-orchestration input).</summary>
public sealed record ChannelPublishRequest(string ItemId, int Version, string ContentHash, string Channel);

/// <summary>What one channel ended with.</summary>
public sealed record ChannelResult(string Channel, string State, string? Url, string? Error);

public sealed record PublishOutcome(string Status, IReadOnlyList<ChannelResult> Channels);

/// <summary>Item statuses added by publishing.</summary>
public static class PublishStatuses
{
    public const string Scheduled = "Scheduled";
    public const string Publishing = "Publishing";
    public const string Published = "Published";
    public const string PartiallyPublished = "PartiallyPublished";
    public const string Failed = "Failed";
    public const string Retracted = "Retracted";

    /// <summary>Published when every channel is published or previewed; Failed when none is; else partially.</summary>
    public static string Aggregate(IEnumerable<string> channelStates)
    {
        var states = channelStates.ToList();
        bool Done(string s) => s is PublicationStates.Published or PublicationStates.Previewed;
        if (states.Count > 0 && states.All(Done))
        {
            return Published;
        }

        return states.Any(s => Done(s) || s is PublicationStates.PendingReview or PublicationStates.Unknown) ? PartiallyPublished : Failed;
    }
}
