using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Publishing.Storage;

namespace Publishing.Assets;

/// <summary>
/// Assets in Blob storage: bytes content-addressed at <c>content/{sha256}</c>, records at <c>records/{id}.json</c>.
/// Both are created once and never overwritten, so what a reviewer saw is what gets published.
/// </summary>
public sealed class AssetStore
{
    readonly BlobContainerClient _container;
    readonly CreateOnce _createContainer;

    public AssetStore(BlobServiceClient blobs, IOptions<AssetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        _container = blobs.GetBlobContainerClient(options.Value.ContainerName);
        _createContainer = new CreateOnce(ct => _container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    public async Task SaveContentAsync(string sha256, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        _ = await CreateOnlyAsync(ContentPath(sha256), BinaryData.FromBytes(content), contentType, cancellationToken);
    }

    /// <returns>The stored record: <paramref name="record"/>, or the one stored first under its id.</returns>
    public async Task<AssetRecord> SaveRecordAsync(AssetRecord record, CancellationToken cancellationToken)
    {
        bool created = await CreateOnlyAsync(RecordPath(record.Id), BinaryData.FromObjectAsJson(record, AssetRecord.Json), "application/json; charset=utf-8", cancellationToken);
        return created ? record : await GetRecordAsync(record.Id, cancellationToken) ?? record;
    }

    public async Task<AssetRecord?> GetRecordAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return null;
        }

        await _createContainer.EnsureAsync(cancellationToken);
        try
        {
            var result = await _container.GetBlobClient(RecordPath(id)).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToObjectFromJson<AssetRecord>(AssetRecord.Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> OpenContentAsync(string sha256, CancellationToken cancellationToken)
    {
        await _createContainer.EnsureAsync(cancellationToken);
        return await _container.GetBlobClient(ContentPath(sha256)).OpenReadAsync(cancellationToken: cancellationToken);
    }

    public async Task<byte[]> GetContentAsync(string sha256, CancellationToken cancellationToken)
    {
        await _createContainer.EnsureAsync(cancellationToken);
        var result = await _container.GetBlobClient(ContentPath(sha256)).DownloadContentAsync(cancellationToken);
        return result.Value.Content.ToArray();
    }

    /// <summary>Asset ids are 32 lower-case hex digits; anything else is not looked up (no path tricks).</summary>
    public static bool IsValidId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    static string ContentPath(string sha256) => "content/" + sha256;

    static string RecordPath(string id) => $"records/{id}.json";

    async Task<bool> CreateOnlyAsync(string name, BinaryData data, string contentType, CancellationToken cancellationToken)
    {
        await _createContainer.EnsureAsync(cancellationToken);
        try
        {
            await _container.GetBlobClient(name).UploadAsync(data, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already there: content blobs are named by their hash, records by an id derived from what they hold.
            return false;
        }
    }
}
