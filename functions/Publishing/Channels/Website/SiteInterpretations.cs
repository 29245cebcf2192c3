using Azure;
using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// Which published interpretations (政策解读) explain a policy: one row per policy (partition
/// <c>interpretations</c>), so a policy page finds them with one point read instead of scanning the site. An
/// interpretation is in the row only while its page exists.
/// </summary>
public sealed class SiteInterpretations(TableClient table)
{
    const string Partition = "interpretations";

    public sealed record Interpretation(string ItemId, string Title)
    {
        public string Path => SiteEntry.PathFor(ItemId);
    }

    public async Task<List<Interpretation>> OfAsync(string policyId, CancellationToken cancellationToken) =>
        SiteJsonRows.Read<Interpretation>(await RowAsync(policyId, cancellationToken));

    public Task PutAsync(string policyId, string interpretationId, string title, CancellationToken cancellationToken) =>
        ChangeAsync(policyId, all => [.. all.Where(i => i.ItemId != interpretationId), new Interpretation(interpretationId, title)], cancellationToken);

    public Task RemoveAsync(string policyId, string interpretationId, CancellationToken cancellationToken) =>
        ChangeAsync(policyId, all => all.Where(i => i.ItemId != interpretationId).ToList(), cancellationToken);

    async Task ChangeAsync(string policyId, Func<List<Interpretation>, List<Interpretation>> change, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var row = await RowAsync(policyId, cancellationToken);
            var current = SiteJsonRows.Read<Interpretation>(row);
            var next = change(current).OrderBy(i => i.ItemId, StringComparer.Ordinal).ToList();
            if (next.SequenceEqual(current))
            {
                return;
            }

            var entity = SiteJsonRows.Write(Partition, TableKeys.Escape(policyId), next);
            try
            {
                if (row is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (ConcurrencyRetry.IsConflict(e))
            {
                await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
            }
        }
    }

    async Task<TableEntity?> RowAsync(string policyId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(policyId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
