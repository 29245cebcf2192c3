namespace Publishing.Supervision.Columns;

/// <summary>Evaluates every enabled column against the site's pages; used by the monitor and by the API.</summary>
public static class ColumnFreshnessReader
{
    public static async Task<IReadOnlyList<ColumnFreshness>> ReadAsync(
        SupervisionSources sources, SupervisionOptions options, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var columns = options.Columns.Where(c => c.Value.Enabled).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (columns.Count == 0)
        {
            return [];
        }

        var site = await sources.SiteEntriesAsync(cancellationToken);
        return columns
            .Select(c => ColumnFreshnessEvaluator.Evaluate(c.Key, c.Value, ColumnFreshnessEvaluator.LastPublication(c.Value, site), now))
            .ToList();
    }
}
