namespace Publishing.Supervision.Columns;

/// <summary>One column's state: its newest page, the time the next update is due, and the level.</summary>
/// <param name="LastUpdate">Null when the column has no page at all.</param>
/// <param name="Days">Whole days since the newest page; null without one.</param>
/// <param name="DueAt">When the column becomes stale; null without any page (it already is).</param>
/// <param name="Level">ok | warning | alarm (<see cref="SupervisionLevels"/>).</param>
public sealed record ColumnFreshness(
    string Id, string Name, string Kind, string? Category, string Owner, string Limit,
    DateTimeOffset? LastUpdate, int? Days, DateTimeOffset? DueAt, string Level);
