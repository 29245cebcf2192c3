using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Publishing.Storage;

namespace Publishing.Supervision;

/// <summary>
/// The monitors' memory (table <c>Supervision</c>): which alerts were sent, and each item's last patrol fingerprints;
/// the latest patrol report is a blob (container <c>supervision</c>) because it can exceed a table property.
/// </summary>
public sealed class SupervisionStore(TableServiceClient tables, BlobServiceClient blobs)
{
    const string SentPartition = "sent";
    const string PatrolPartition = "patrol";
    readonly TableClient table = tables.GetTableClient("Supervision");
    readonly BlobContainerClient container = blobs.GetBlobContainerClient("supervision");
    volatile bool created;

    async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }
    }

    public async Task<bool> WasSentAsync(string notificationId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return (await table.GetEntityIfExistsAsync<TableEntity>(SentPartition, TableKeys.Hash(notificationId), cancellationToken: cancellationToken)).HasValue;
    }

    public async Task MarkSentAsync(string notificationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(SentPartition, TableKeys.Hash(notificationId)) { ["NotificationId"] = notificationId, ["At"] = at },
            TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlySet<string>?> GetFingerprintsAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PatrolPartition, itemId, cancellationToken: cancellationToken);
        return row.HasValue
            ? JsonSerializer.Deserialize<HashSet<string>>(row.Value!.GetString("Fingerprints") ?? "[]") ?? []
            : null;
    }

    public async Task SaveFingerprintsAsync(string itemId, IEnumerable<string> fingerprints, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(PatrolPartition, itemId) { ["Fingerprints"] = JsonSerializer.Serialize(fingerprints.Order(StringComparer.Ordinal)) },
            TableUpdateMode.Replace, cancellationToken);
    }

    public async Task SaveReportAsync<T>(string name, T report, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await container.GetBlobClient(name + ".json").UploadAsync(BinaryData.FromObjectAsJson(report, JsonSerializerOptions.Web), overwrite: true, cancellationToken);
    }

    public async Task<T?> GetReportAsync<T>(string name, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        try
        {
            var content = await container.GetBlobClient(name + ".json").DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<T>(JsonSerializerOptions.Web);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return default;
        }
    }
}
