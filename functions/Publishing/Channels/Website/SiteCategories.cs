using Azure;
using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// The 栏目 the site's navigation links (partition <c>categories</c>). A category joins only after its list's front
/// page is written, and never leaves (its list stays, possibly empty), so the navigation never links a missing page.
/// </summary>
public sealed class SiteCategories(TableClient table)
{
    const string Partition = "categories";
    const string CounterKey = "counter";
    const string Prefix = "category:";

    public sealed record Category(string Code, string Name)
    {
        public string Folder => SiteList.Category(Code).Folder;
    }

    /// <summary>The navigation as read at one moment: its version was read before its categories.</summary>
    public sealed record Snapshot(long Version, IReadOnlyList<Category> All)
    {
        public bool Has(string code) => All.Any(c => c.Code == code);
    }

    public async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        long version = await VersionAsync(cancellationToken);
        return new Snapshot(version, await AllAsync(cancellationToken));
    }

    /// <summary>Changes with every category added: the version front pages are stamped with.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CounterKey, cancellationToken: cancellationToken);
        return counter.HasValue ? counter.Value!.GetInt64("Version") ?? 0 : 0;
    }

    public async Task<List<Category>> AllAsync(CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {Prefix} and RowKey lt {"category;"}");
        var result = new List<Category>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(new Category(row.GetString("Code") ?? row.RowKey[Prefix.Length..], row.GetString("Name") ?? ""));
        }

        return result;
    }

    /// <summary>Adds the category unless present; returns the version that includes it when this call added it.</summary>
    public async Task<long?> AddAsync(string code, string name, CancellationToken cancellationToken)
    {
        string rowKey = Prefix + TableKeys.Escape(code);
        for (int attempt = 0; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
            if (existing.HasValue)
            {
                return null;
            }

            var counter = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CounterKey, cancellationToken: cancellationToken);
            long version = (counter.HasValue ? counter.Value!.GetInt64("Version") ?? 0 : 0) + 1;
            var next = new TableEntity(Partition, CounterKey) { ["Version"] = version };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(Partition, rowKey) { ["Code"] = code, ["Name"] = name }),
                counter.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, next, counter.Value!.ETag)
                    : new(TableTransactionActionType.Add, next),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return version;
            }
            catch (TableTransactionFailedException e) when (ConcurrencyRetry.IsConflict(e))
            {
                await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
            }
        }
    }
}
