using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Publishes one approved version to its channels. Instance id: <see cref="ItemInstances.Publish"/>.</summary>
/// <param name="Step">The item's first step number for this run's events (<see cref="ItemEvent.Step"/>); 0 = unordered.</param>
public sealed record PublishInput(
    string ItemId,
    int Version,
    string ContentHash,
    IReadOnlyList<string> Channels,
    DateTimeOffset? PublishAt,
    string SubmittedBy,
    long Step = 0)
{
    /// <summary>Step numbers one publish run may use from <see cref="Step"/>.</summary>
    public const int StepSpan = 4;

    public static PublishInput From(ApprovalRecord approval, string submittedBy, long step = 0) =>
        new(approval.ItemId, approval.Version, approval.ContentHash, approval.Channels, approval.PublishAt, submittedBy, step);
}

/// <summary>One channel's publish request (activity or sub-orchestration input).</summary>
/// <param name="Attempt">The attempt this run holds (1, or the number a person's retry claimed).</param>
public sealed record ChannelPublishRequest(string ItemId, int Version, string ContentHash, string Channel, int Attempt = 1);

/// <summary>
/// What a send (or takedown) step found, before it is written. Steps return it instead of writing it, so the
/// write happens in its own activity with a durable retry: a storage error after the platform accepted a post
/// cannot lose the remote id or turn the channel into <c>failed</c>.
/// </summary>
/// <param name="To">The state to move to; null when the record already holds the outcome (nothing to write).</param>
/// <param name="Written">The step wrote <paramref name="To"/> itself (the website: our own storage, safe to redo).</param>
public sealed record SendResult(
    ChannelState? To,
    string? Url = null,
    string? Error = null,
    string? WeiboId = null,
    string? ArticleId = null,
    string? OutboxBlob = null,
    bool Written = false)
{
    public static readonly SendResult NothingToWrite = new((ChannelState?)null);

    public static SendResult Failed(string error) => new(ChannelState.Failed, Error: error);
}

/// <summary>Input of <see cref="ApplyChannelResultActivity"/>; <paramref name="Step"/> names the audit entry.</summary>
public sealed record ChannelOutcome(ChannelPublishRequest Request, SendResult Result, TransitionCause Cause, string Step);
