using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>Reviews one version of an item, inside the item's orchestration (instance id = the item id).</summary>
public sealed record ReviewInput(string ItemId, string Kind, string SubmittedBy, int Version, IReadOnlyList<string> Stages);

/// <summary>How the review of a version ended.</summary>
public enum ReviewEnd
{
    /// <summary>终审 passed: <see cref="ReviewOutcome.Approval"/> is the frozen version.</summary>
    Approved,
    /// <summary>Returned and revised: <see cref="ReviewOutcome.Version"/> is the new version to review.</summary>
    Revised,
    Withdrawn,
}

public sealed record ReviewOutcome(ReviewEnd End, int Version, ApprovalRecord? Approval);

/// <summary>When a just-opened stage is due, and when it escalates.</summary>
public sealed record StageDeadline(DateTimeOffset DueAt, DateTimeOffset EscalateAt);

/// <summary>Input of <see cref="OpenStageActivity"/>.</summary>
public sealed record OpenStage(string ItemId, int Version, string Stage, DateTimeOffset At);

/// <summary>Counts of the findings of one version's pre-checks.</summary>
public sealed record CheckSummary(int Block, int Warn, int Info);
