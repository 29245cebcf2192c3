namespace Publishing.Review;

/// <summary>Starts the review of one item. The instance id is the item id.</summary>
public sealed record ReviewInput(string ItemId, string Kind, string SubmittedBy, int Version, IReadOnlyList<string> Stages);

/// <summary>How the review ended.</summary>
public sealed record ReviewOutcome(string Status, int Version, string? ContentHash);

/// <summary>The four checks (四关) a reviewer signs off.</summary>
public sealed record ReviewAspects(bool Political, bool Legal, bool Confidentiality, bool Textual)
{
    public bool AllPassed => Political && Legal && Confidentiality && Textual;
}

/// <summary>What a person asks of a running review: decide a stage, revise, or withdraw.</summary>
/// <param name="Type">One of <see cref="ItemCommandTypes"/>.</param>
/// <param name="CommandId">Unique per request; lets the HTTP handler see when its command took effect.</param>
public sealed record ItemCommand(
    string Type,
    string CommandId,
    string Actor,
    string ActorName,
    int Version,
    DateTimeOffset At,
    string? Stage = null,
    string? Decision = null,
    ReviewAspects? Aspects = null,
    string? Comment = null);

public static class ItemCommandTypes
{
    public const string EventName = "ItemCommand";
    public const string Review = "review";
    public const string Revise = "revise";
    public const string Withdraw = "withdraw";
}

public static class Decisions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
}

/// <summary>A stage decision as recorded on the item.</summary>
public sealed record ReviewRecord(
    string Stage,
    string Decision,
    ReviewAspects Aspects,
    string? Comment,
    string Reviewer,
    string ReviewerName,
    DateTimeOffset At,
    int Version,
    string CommandId);

/// <summary>A notification the workflow asks to send.</summary>
public sealed record NotificationRequest(string Recipient, string Kind, string Message);

/// <summary>
/// One step of an item's life, applied by <see cref="RecordItemEventActivity"/>: read-model change, audit entry
/// and notifications, each idempotent by <paramref name="EventId"/>.
/// </summary>
public sealed record ItemEvent(
    string ItemId,
    string EventId,
    string Action,
    string Actor,
    DateTimeOffset At,
    int Version,
    string? Stage = null,
    string? Status = null,
    bool OpensStage = false,
    ReviewRecord? Review = null,
    string? Details = null,
    IReadOnlyList<NotificationRequest>? Notify = null);

/// <summary>When a just-opened stage is due, and when it escalates.</summary>
public sealed record StageDeadline(DateTimeOffset DueAt, DateTimeOffset EscalateAt);

public sealed record ItemVersionRef(string ItemId, int Version);

/// <summary>Counts of the findings of one version's pre-checks.</summary>
public sealed record CheckSummary(int Block, int Warn, int Info);

/// <summary>The frozen, approved version.</summary>
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
}
