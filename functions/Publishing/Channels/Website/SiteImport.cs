using Azure.Data.Tables;

namespace Publishing.Channels.Website;

/// <summary>
/// A site published before lists were kept in rows has only its <c>SiteEntries</c> rows and its pages. The first
/// publisher that finds no marker row builds the lists from those rows (oldest first), writes every list file once,
/// and leaves the marker; a new site just gets the marker. Two hosts starting together both import: every step is
/// idempotent, so that only costs time.
/// </summary>
public sealed class SiteImport(TableClient table, SiteListStore lists, SiteCategories categories, SiteInterpretations interpretations, SiteListPages pages)
{
    const string MarkerPartition = "layout";
    const string MarkerKey = "lists";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if ((await table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerKey, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        var entries = new List<SiteEntry>();
        await foreach (var entry in table.QueryAsync<SiteEntry>(e => e.PartitionKey == SiteEntry.Partition, cancellationToken: cancellationToken))
        {
            entries.Add(entry);
        }

        var oldestFirst = entries.OrderBy(e => e.PublishedAt).ThenBy(e => e.RowKey, StringComparer.Ordinal).ToList();
        foreach (var entry in oldestFirst.Where(e => e.InterpretsItemId is not null))
        {
            await interpretations.PutAsync(entry.InterpretsItemId!, entry.ItemId, entry.Title, cancellationToken);
        }

        await lists.ImportAsync(SiteList.Home, oldestFirst.Select(SiteListEntry.From).ToList(), SiteListPages.HomeHeading, cancellationToken);
        foreach (var category in oldestFirst.GroupBy(e => e.CategoryCode))
        {
            var list = SiteList.Category(category.Key);
            await lists.ImportAsync(list, category.Select(SiteListEntry.From).ToList(), category.First().Category, cancellationToken);
            await pages.RebuildAsync(list, cancellationToken);
            await categories.AddAsync(category.Key, category.First().Category, cancellationToken);
        }

        await pages.RebuildAsync(SiteList.Home, cancellationToken);
        if ((await categories.SnapshotAsync(cancellationToken)).Version is > 0 and var navigation)
        {
            await pages.RefreshNavigationAsync(navigation, cancellationToken);
        }

        await table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerKey) { ["Imported"] = entries.Count }, cancellationToken: cancellationToken);
    }
}
