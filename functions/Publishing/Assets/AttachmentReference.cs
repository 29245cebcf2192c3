namespace Publishing.Assets;

/// <summary>An attachment named in a submission: <c>attachments: [{assetId, title?}]</c>.</summary>
public sealed record AttachmentReference(string? AssetId, string? Title);

/// <summary>
/// An attachment as a stored version records it. Its SHA-256 is part of the version's metadata.json, so the
/// approved content hash covers the attachment's bytes.
/// </summary>
/// <param name="Format">The format's display name (PDF, Word, Excel …).</param>
public sealed record VersionAttachment(string AssetId, string Title, string FileName, string Format, string ContentType, long Size, string Sha256)
{
    public static VersionAttachment From(AssetRecord asset, string title) =>
        new(asset.Id, title, asset.FileName, asset.Format.DisplayName(), asset.ContentType, asset.Size, asset.Sha256);
}
