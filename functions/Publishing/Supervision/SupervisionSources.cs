using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Supervision;

/// <summary>
/// Reads what the monitors evaluate: items, publication records and site entries. Full scans: fine for one
/// government's yearly volume (thousands of rows); an index table would be the next step beyond that.
/// </summary>
public sealed class SupervisionSources(TableServiceClient tables, ItemReadModelOptions items, IOptions<SiteOptions> site, PublicationStore publications)
{
    public async Task<IReadOnlyList<ItemRecord>> ItemsAsync(CancellationToken cancellationToken = default)
    {
        var table = tables.GetTableClient(items.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var result = new List<ItemRecord>();
        await foreach (var item in table.QueryAsync<ItemRecord>(r => r.PartitionKey == ItemRecord.Partition, cancellationToken: cancellationToken))
        {
            result.Add(item);
        }

        return result;
    }

    /// <summary>Every publication record (the WeChat publish-id index rows are skipped).</summary>
    public Task<IReadOnlyList<PublicationRecord>> PublicationsAsync(CancellationToken cancellationToken = default) =>
        publications.ListAllAsync(cancellationToken);

    public async Task<IReadOnlyList<SiteEntry>> SiteEntriesAsync(CancellationToken cancellationToken = default)
    {
        var table = tables.GetTableClient(site.Value.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var result = new List<SiteEntry>();
        await foreach (var entry in table.QueryAsync<SiteEntry>(e => e.PartitionKey == SiteEntry.Partition, cancellationToken: cancellationToken))
        {
            result.Add(entry);
        }

        return result;
    }
}
