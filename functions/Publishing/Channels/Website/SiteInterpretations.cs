using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// Which published interpretations (政策解读) explain a policy: one row per pair in partition
/// <c>interpretations:{policyId}</c>, so a policy page finds its interpretations without scanning the site.
/// A row exists only while the interpretation's page does.
/// </summary>
public sealed class SiteInterpretations(TableClient table)
{
    public sealed record Interpretation(string ItemId, string Title)
    {
        public string Path => SiteEntry.PathFor(ItemId);
    }

    public async Task<List<Interpretation>> OfAsync(string policyId, CancellationToken cancellationToken)
    {
        var result = new List<Interpretation>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition(policyId), cancellationToken: cancellationToken))
        {
            result.Add(new Interpretation(row.GetString("ItemId") ?? row.RowKey, row.GetString("Title") ?? ""));
        }

        return result;
    }

    public Task PutAsync(string policyId, string interpretationId, string title, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(Partition(policyId), TableKeys.Escape(interpretationId)) { ["ItemId"] = interpretationId, ["Title"] = title }, TableUpdateMode.Replace, cancellationToken);

    public Task RemoveAsync(string policyId, string interpretationId, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(Partition(policyId), TableKeys.Escape(interpretationId), cancellationToken: cancellationToken);

    static string Partition(string policyId) => "interpretations:" + TableKeys.Escape(policyId);
}
