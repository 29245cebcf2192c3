namespace Publishing.Desk;

/// <summary>Orders 待我审核 so the reviewer sees what is late first, then what is new.</summary>
public static class QueueOrder
{
    public const string Urgent = "urgent";
    public const string Newest = "newest";

    public static readonly IReadOnlyList<string> All = [Urgent, Newest];

    /// <summary>
    /// <see cref="Urgent"/>: overdue items (most overdue first), then those due today (earliest deadline first), then the
    /// rest newest first. <see cref="Newest"/>: by when the stage opened, newest first.
    /// </summary>
    public static IReadOnlyList<QueueEntry> Sort(IEnumerable<QueueEntry> entries, string order) => order == Newest
        ? [.. entries.OrderByDescending(e => e.StageOpenedAt).ThenBy(e => e.Id, StringComparer.Ordinal)]
        : [.. entries
            .OrderBy(e => e.DueState switch { DueStates.Overdue => 0, DueStates.DueToday => 1, _ => 2 })
            .ThenBy(e => e.DueState is DueStates.Overdue or DueStates.DueToday ? e.DueAt ?? DateTimeOffset.MaxValue : DateTimeOffset.MaxValue)
            .ThenByDescending(e => e.StageOpenedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)];
}
