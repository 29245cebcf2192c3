using Azure;
using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// The 栏目 the site's navigation links: one row (partition <c>categories</c>) with all of them and a version, read
/// with one point read. A category joins only after its list's front page is written, and never leaves (its list
/// stays, possibly empty), so the navigation never links a missing page.
/// </summary>
public sealed class SiteCategories(TableClient table)
{
    const string Partition = "categories";
    const string Key = "all";

    public sealed record Category(string Code, string Name)
    {
        public string Folder => SiteList.Category(Code).Folder;
    }

    /// <summary>The navigation at one moment; <see cref="Version"/> changes with every category added.</summary>
    public sealed record Snapshot(long Version, IReadOnlyList<Category> All)
    {
        public bool Has(string code) => All.Any(c => c.Code == code);
    }

    public async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken) =>
        Read(await RowAsync(cancellationToken));

    /// <summary>Adds the category unless present; returns the version that includes it when this call added it.</summary>
    public async Task<long?> AddAsync(string code, string name, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var row = await RowAsync(cancellationToken);
            var current = Read(row);
            if (current.Has(code))
            {
                return null;
            }

            var next = SiteJsonRows.Write(Partition, Key, current.All.Append(new Category(code, name)).OrderBy(c => c.Code, StringComparer.Ordinal));
            next["Version"] = current.Version + 1;
            try
            {
                if (row is null)
                {
                    await table.AddEntityAsync(next, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return current.Version + 1;
            }
            catch (RequestFailedException e) when (ConcurrencyRetry.IsConflict(e))
            {
                await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
            }
        }
    }

    async Task<TableEntity?> RowAsync(CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Key, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    static Snapshot Read(TableEntity? row) =>
        new(row?.GetInt64("Version") ?? 0, SiteJsonRows.Read<Category>(row));
}
