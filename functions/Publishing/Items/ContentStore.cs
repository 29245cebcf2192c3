using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Publishing.Storage;

namespace Publishing.Items;

/// <summary>An immutable stored version of an item's content.</summary>
/// <param name="ContentHash">SHA-256 (lower-case hex) of the whole version: sanitized HTML and metadata.json.</param>
public sealed record StoredVersion(string ItemId, int Version, string SanitizedHtml, string MetadataJson, string ContentHash);

/// <summary>
/// Item content versions in Blob storage under <c>items/{id}/v{n}/</c> (original.html, sanitized.html,
/// metadata.json). A version is never overwritten: writing the same content again is a no-op (replay-safe),
/// writing different content to an existing version fails.
/// </summary>
/// <remarks>metadata.json is written last, so a version is only visible once all three blobs exist.</remarks>
public sealed class ContentStore
{
    const string HtmlContentType = "text/html; charset=utf-8";
    const string JsonContentType = "application/json; charset=utf-8";

    readonly BlobContainerClient _container;
    readonly CreateOnce _createContainer;

    public ContentStore(BlobServiceClient blobService, IOptions<ContentStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobService);
        _container = blobService.GetBlobContainerClient(options.Value.ContainerName);
        _createContainer = new CreateOnce(ct => _container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>
    /// SHA-256, lower-case hex, over the sanitized HTML and the metadata (title, 文号, channels …), length-prefixed so
    /// no byte can move from one to the other: approval covers everything that gets published.
    /// </summary>
    public static string ComputeContentHash(string sanitizedHtml, string metadataJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"content-v2\n{sanitizedHtml.Length}:{sanitizedHtml}\n{metadataJson.Length}:{metadataJson}\n"))));

    public async Task<StoredVersion> SaveVersionAsync(string itemId, int version, string originalHtml, string sanitizedHtml, string metadataJson, CancellationToken cancellationToken = default)
    {
        string prefix = VersionPrefix(itemId, version);
        ArgumentNullException.ThrowIfNull(originalHtml);
        ArgumentNullException.ThrowIfNull(sanitizedHtml);
        ArgumentNullException.ThrowIfNull(metadataJson);
        await _createContainer.EnsureAsync(cancellationToken).ConfigureAwait(false);

        await CreateOrMatchAsync(prefix + "original.html", originalHtml, HtmlContentType, itemId, version, cancellationToken).ConfigureAwait(false);
        await CreateOrMatchAsync(prefix + "sanitized.html", sanitizedHtml, HtmlContentType, itemId, version, cancellationToken).ConfigureAwait(false);
        await CreateOrMatchAsync(prefix + "metadata.json", metadataJson, JsonContentType, itemId, version, cancellationToken).ConfigureAwait(false);
        return new StoredVersion(itemId, version, sanitizedHtml, metadataJson, ComputeContentHash(sanitizedHtml, metadataJson));
    }

    /// <returns><c>null</c> when the version does not exist (or was never completely written).</returns>
    public async Task<StoredVersion?> GetVersionAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        string prefix = VersionPrefix(itemId, version);
        await _createContainer.EnsureAsync(cancellationToken).ConfigureAwait(false);

        string? metadataJson = await DownloadTextAsync(prefix + "metadata.json", cancellationToken).ConfigureAwait(false);
        string? sanitizedHtml = metadataJson is null ? null : await DownloadTextAsync(prefix + "sanitized.html", cancellationToken).ConfigureAwait(false);
        return metadataJson is null || sanitizedHtml is null
            ? null
            : new StoredVersion(itemId, version, sanitizedHtml, metadataJson, ComputeContentHash(sanitizedHtml, metadataJson));
    }

    /// <summary>The editor's original submission of a version, before sanitizing; <c>null</c> when missing.</summary>
    public Task<string?> GetOriginalHtmlAsync(string itemId, int version, CancellationToken cancellationToken = default) =>
        DownloadTextAsync(VersionPrefix(itemId, version) + "original.html", cancellationToken);

    async Task CreateOrMatchAsync(string blobName, string text, string contentType, string itemId, int version, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(blobName);
        var content = BinaryData.FromString(text);
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                // Create only: an existing blob is never replaced.
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            if (!existing.Value.Content.ToMemory().Span.SequenceEqual(content.ToMemory().Span))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Version {version} of item '{itemId}' is already stored with different content ({blobName}); stored versions are never overwritten, save the change as a new version."),
                    exception);
            }

            // Same bytes: a replayed save, nothing to do.
        }
    }

    async Task<string?> DownloadTextAsync(string blobName, CancellationToken cancellationToken)
    {
        await _createContainer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    static string VersionPrefix(string itemId, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        // The id is one path segment; anything else could write outside the item's folder.
        if (itemId is "." or ".." || itemId.Any(c => c is '/' or '\\' || char.IsControl(c)))
        {
            throw new ArgumentException($"Item id '{itemId}' is not a valid blob path segment.", nameof(itemId));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{itemId}/v{version}/");
    }
}
