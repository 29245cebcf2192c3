namespace Publishing.Lifecycle;

/// <summary>A notification the workflow asks to send.</summary>
public sealed record NotificationRequest(string Recipient, string Kind, string Message);

/// <summary>
/// One step of an item's life, applied by <see cref="ItemEventRecorder"/>: read-model change, audit entry and
/// notifications, each idempotent by <paramref name="EventId"/>.
/// </summary>
/// <param name="DueAt">When the stage this event opens is due (set by the review's stage opening).</param>
/// <param name="Step">
/// The workflow step that records it, increasing over the item's life; a status is applied only by a step later than
/// the last one applied, so a late duplicate run of an activity never moves the item back. 0 = not ordered (the status
/// rules alone decide).
/// </param>
public sealed record ItemEvent(
    string ItemId,
    string EventId,
    string Action,
    string Actor,
    DateTimeOffset At,
    int Version,
    string? Stage = null,
    ItemStatus? Status = null,
    DateTimeOffset? DueAt = null,
    ReviewRecord? Review = null,
    string? Details = null,
    IReadOnlyList<NotificationRequest>? Notify = null,
    long Step = 0);

public sealed record ItemVersionRef(string ItemId, int Version);

/// <summary>The frozen, approved version: the hand-off from review to publishing.</summary>
public sealed record ApprovalRecord(
    string ItemId, int Version, string ContentHash, DateTimeOffset ApprovedAt, IReadOnlyList<string> Channels, DateTimeOffset? PublishAt);

/// <summary>Audit action names.</summary>
public static class AuditActions
{
    public const string Submitted = "submitted";
    public const string VersionStored = "version-stored";
    public const string ChecksRun = "checks-run";
    public const string StageOpened = "stage-opened";
    public const string ReviewDecision = "review-decision";
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
    public const string Returned = "returned";
    public const string Revised = "revised";
    public const string Withdrawn = "withdrawn";
    public const string Approved = "approved";
    public const string Scheduled = "scheduled";
    public const string ScheduleCancelled = "schedule-cancelled";
    public const string PublishingStarted = "publishing";
    public const string PublishFinished = "publish-finished";
    public const string RetryClaimed = "channel-retry";
    public const string Resolved = "channel-resolved";
    public const string RetractStarted = "retract-started";
    /// <summary>A retraction round ended with every channel confirmed down.</summary>
    public const string Retracted = "retracted";
    /// <summary>A retraction round ended with some channel not confirmed down.</summary>
    public const string RetractFailed = "retract-failed";
    /// <summary>A workflow step failed after every retry: the item waits for an Admin.</summary>
    public const string NeedsAttention = "needs-attention";
    /// <summary>An Admin resumed a parked workflow.</summary>
    public const string Resumed = "resumed";

    /// <summary>The outcome of one call to a channel, e.g. <c>channel-published</c>.</summary>
    public static string Channel(ChannelState state) => "channel-" + state.ToApi();
}
