using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>Reviews one version of an item, inside the item's orchestration (instance id = the item id).</summary>
/// <param name="Progress">Where a fresh history (ContinueAsNew after many ignored commands) continues; null = from the start.</param>
public sealed record ReviewInput(string ItemId, string Kind, string SubmittedBy, int Version, IReadOnlyList<string> Stages, ReviewProgress? Progress = null);

/// <summary>How far the review of a version got, carried into a fresh history so it continues where it was.</summary>
/// <param name="StageIndex">The stage awaited (index into the stages).</param>
/// <param name="DecidedBy">Who decided earlier stages of this version (one person, one level).</param>
/// <param name="Deadline">The awaited stage's due and escalation times (it is already open).</param>
public sealed record ReviewProgress(
    bool ChecksDone, int StageIndex, IReadOnlyList<string> DecidedBy, StageDeadline? Deadline, bool Reminded, bool Escalated,
    bool AwaitingRevision);

/// <summary>How the review of a version ended.</summary>
public enum ReviewEnd
{
    /// <summary>终审 passed: <see cref="ReviewOutcome.Approval"/> is the frozen version.</summary>
    Approved,
    /// <summary>Returned and revised: <see cref="ReviewOutcome.Version"/> is the new version to review.</summary>
    Revised,
    Withdrawn,
    /// <summary>Many commands were dropped: continue at <see cref="ReviewOutcome.Progress"/> in a fresh history.</summary>
    FreshHistory,
}

public sealed record ReviewOutcome(ReviewEnd End, int Version, ApprovalRecord? Approval, ReviewProgress? Progress = null);

/// <summary>When a just-opened stage is due, and when it escalates.</summary>
public sealed record StageDeadline(DateTimeOffset DueAt, DateTimeOffset EscalateAt);

/// <summary>Input of <see cref="OpenStageActivity"/>.</summary>
public sealed record OpenStage(string ItemId, int Version, string Stage, DateTimeOffset At, long Step = 0);

/// <summary>Input of <see cref="ApproveItemActivity"/> (reads as the earlier <see cref="ItemVersionRef"/> input).</summary>
public sealed record ApproveVersion(string ItemId, int Version, long Step = 0);

/// <summary>Counts of the findings of one version's pre-checks.</summary>
public sealed record CheckSummary(int Block, int Warn, int Info);
