using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Publishing.Checks;


namespace Publishing.Items;

/// <summary>The pre-check findings of each version, beside its content: <c>items/{id}/v{n}/findings.json</c>.</summary>
public sealed class FindingsStore(BlobServiceClient blobs, IOptions<ContentStoreOptions> options)
{
    static readonly JsonSerializerOptions Json = Storage.StorageJson.Options;
    readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.ContainerName);
    volatile bool created;

    static string Path(string itemId, int version) => $"{itemId}/v{version}/findings.json";

    public async Task SaveAsync(string itemId, int version, IReadOnlyList<Finding> findings, CancellationToken cancellationToken = default)
    {
        if (!created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }

        // Findings are derived data: re-running the same checks may overwrite them.
        await container.GetBlobClient(Path(itemId, version))
            .UploadAsync(BinaryData.FromObjectAsJson(findings, Json), overwrite: true, cancellationToken);
    }

    /// <summary>The stored findings, or null when the version's checks have not been stored.</summary>
    public async Task<IReadOnlyList<Finding>?> TryGetAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(Path(itemId, version)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<List<Finding>>(Json) ?? [];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Finding>> GetAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(Path(itemId, version)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<List<Finding>>(Json) ?? [];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }
}
