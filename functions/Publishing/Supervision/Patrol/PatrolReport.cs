using Publishing.Checks;

namespace Publishing.Supervision.Patrol;

/// <summary>The latest expression patrol (表述错误预警): findings on published pages that are new since the previous patrol.</summary>
public sealed record PatrolReport(DateTimeOffset At, int ItemsChecked, int RuleCount, IReadOnlyList<PatrolItemResult> Items);

/// <summary>One published item with findings that were not there at the previous patrol (or at its approval).</summary>
public sealed record PatrolItemResult(string ItemId, string Title, string Path, IReadOnlyList<Finding> NewFindings);
