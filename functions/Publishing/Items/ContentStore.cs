namespace Publishing.Items;

/// <summary>An immutable stored version of an item's content.</summary>
/// <param name="ContentHash">SHA-256 (lower-case hex) of the sanitized HTML.</param>
public sealed record StoredVersion(string ItemId, int Version, string SanitizedHtml, string MetadataJson, string ContentHash);

/// <summary>
/// Item content versions in Blob storage under <c>items/{id}/v{n}/</c> (original.html, sanitized.html,
/// metadata.json). A version is never overwritten: writing the same content again is a no-op (replay-safe),
/// writing different content to an existing version fails.
/// </summary>
public sealed class ContentStore
{
    // CONTRACT STUB — replaced by the storage work.
    public Task<StoredVersion> SaveVersionAsync(string itemId, int version, string originalHtml, string sanitizedHtml, string metadataJson, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<StoredVersion?> GetVersionAsync(string itemId, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
