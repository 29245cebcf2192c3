namespace Publishing.Supervision.Staleness;

/// <summary>Evaluates every configured account against storage; used by the monitor and by the API.</summary>
public static class StalenessReader
{
    public static async Task<IReadOnlyList<AccountStaleness>> ReadAsync(
        SupervisionSources sources, SupervisionOptions options, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (options.Accounts.Count == 0)
        {
            return [];
        }

        var site = await sources.SiteEntriesAsync(cancellationToken);
        var publications = await sources.PublicationsAsync(cancellationToken);
        return options.Accounts
            .Select(a => StalenessEvaluator.Evaluate(a, StalenessEvaluator.LastPublication(a, site, publications, options), now, options))
            .ToList();
    }
}
