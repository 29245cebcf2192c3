using Azure;
using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Lifecycle;

/// <summary>A warning a reviewer judged a false alarm on one version (误报), with the reason later stages read.</summary>
public sealed record FindingDismissal(
    string ItemId, int Version, string FindingId, string RuleId, string Stage, string Reason,
    string DismissedBy, string DismissedByName, DateTimeOffset DismissedAt);

/// <summary>
/// Dismissals in table <c>FindingDismissals</c>: one row per item, version and finding, written once (a second
/// dismissal of the same finding finds the first).
/// </summary>
public sealed class FindingDismissalStore
{
    public const string TableName = "FindingDismissals";

    readonly TableClient table;
    readonly CreateOnce createTable;

    public FindingDismissalStore(TableServiceClient tables)
    {
        table = tables.GetTableClient(TableName);
        createTable = new CreateOnce(ct => table.CreateIfNotExistsAsync(ct));
    }

    /// <returns>The stored dismissal: this one, or the one recorded first.</returns>
    public async Task<FindingDismissal> AddAsync(FindingDismissal dismissal, CancellationToken cancellationToken = default)
    {
        await createTable.EnsureAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(Entity.From(dismissal), cancellationToken);
            return dismissal;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await table.GetEntityAsync<Entity>(dismissal.ItemId, Entity.RowKeyFor(dismissal.Version, dismissal.FindingId), cancellationToken: cancellationToken);
            return stored.Value.ToDismissal();
        }
    }

    public async Task<IReadOnlyList<FindingDismissal>> ListAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        await createTable.EnsureAsync(cancellationToken);
        string prefix = Entity.VersionPrefix(version);
        var found = new List<FindingDismissal>();
        await foreach (var entity in table.QueryAsync<Entity>(
            e => e.PartitionKey == itemId && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0, cancellationToken: cancellationToken))
        {
            found.Add(entity.ToDismissal());
        }

        return found.OrderBy(d => d.DismissedAt).ToList();
    }

    sealed class Entity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public int Version { get; set; }
        public string FindingId { get; set; } = "";
        public string RuleId { get; set; } = "";
        public string Stage { get; set; } = "";
        public string Reason { get; set; } = "";
        public string DismissedBy { get; set; } = "";
        public string DismissedByName { get; set; } = "";
        public DateTimeOffset DismissedAt { get; set; }

        public static string VersionPrefix(int version) => $"v{version:D6}-";

        public static string RowKeyFor(int version, string findingId) => VersionPrefix(version) + TableKeys.Escape(findingId);

        public static Entity From(FindingDismissal d) => new()
        {
            PartitionKey = d.ItemId, RowKey = RowKeyFor(d.Version, d.FindingId), Version = d.Version, FindingId = d.FindingId,
            RuleId = d.RuleId, Stage = d.Stage, Reason = d.Reason, DismissedBy = d.DismissedBy, DismissedByName = d.DismissedByName,
            DismissedAt = d.DismissedAt,
        };

        public FindingDismissal ToDismissal() =>
            new(PartitionKey, Version, FindingId, RuleId, Stage, Reason, DismissedBy, DismissedByName, DismissedAt);
    }
}
