using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Publishing.Channels.Website;

namespace Publishing.Assets;

/// <summary>An attachment as the article page lists it.</summary>
/// <param name="Href">Relative to the article page.</param>
public sealed record SiteAttachment(string Title, string Format, long Size, string Href);

/// <summary>
/// Puts an item's body images and attachments on the website: copied from asset storage into <c>$web</c> at
/// <c>files/{itemId}/{sha256}{ext}</c> (a stable path; its bytes are the upload's, checked against the SHA-256), with
/// the body's image addresses pointing there. Nothing on a page links to the signed-in API or to a third party.
/// </summary>
public sealed class SiteAssets(BlobServiceClient blobs, IOptions<SiteOptions> site, AssetStore store)
{
    readonly BlobContainerClient _web = blobs.GetBlobContainerClient(site.Value.ContainerName);

    public const string Folder = "files";

    public static string PathFor(string itemId, AssetRecord asset) => $"{Folder}/{itemId}/{asset.Sha256}{asset.Format.Extensions()[0]}";

    /// <summary>Copies the files (once) and returns the page body and the attachment list.</summary>
    public async Task<(string Body, IReadOnlyList<SiteAttachment> Attachments)> PublishAsync(
        string itemId, string sanitizedHtml, IReadOnlyList<VersionAttachment>? attachments, CancellationToken cancellationToken)
    {
        string body = sanitizedHtml;
        if (sanitizedHtml.Contains("/api/assets/", StringComparison.Ordinal))
        {
            using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + sanitizedHtml);
            foreach (var image in document.QuerySelectorAll("img[src]"))
            {
                if (SubmissionAssets.AssetIdOf(image.GetAttribute("src")) is { } id)
                {
                    var asset = await RecordAsync(id, cancellationToken);
                    image.SetAttribute("src", "../" + await CopyAsync(itemId, asset, cancellationToken));
                }
            }

            body = document.Body!.InnerHtml;
        }

        var listed = new List<SiteAttachment>();
        foreach (var attachment in attachments ?? [])
        {
            var asset = await RecordAsync(attachment.AssetId, cancellationToken);
            if (asset.Sha256 != attachment.Sha256)
            {
                throw new InvalidOperationException($"Asset {asset.Id} does not hold the bytes version approved ({attachment.Sha256}).");
            }

            listed.Add(new SiteAttachment(attachment.Title, attachment.Format, attachment.Size, "../" + await CopyAsync(itemId, asset, cancellationToken)));
        }

        return (body, listed);
    }

    /// <summary>Deletes the item's files from the website (retraction, 公示 expiry).</summary>
    public async Task RemoveAsync(string itemId, CancellationToken cancellationToken)
    {
        await foreach (var blob in _web.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{Folder}/{itemId}/" }, cancellationToken))
        {
            await _web.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }

    async Task<AssetRecord> RecordAsync(string id, CancellationToken cancellationToken) =>
        await store.GetRecordAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Asset {id} of a published version is missing.");

    async Task<string> CopyAsync(string itemId, AssetRecord asset, CancellationToken cancellationToken)
    {
        string path = PathFor(itemId, asset);
        var target = _web.GetBlobClient(path);
        if (await target.ExistsAsync(cancellationToken))
        {
            return path;
        }

        byte[] content = await store.GetContentAsync(asset.Sha256, cancellationToken);
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != asset.Sha256)
        {
            throw new InvalidOperationException($"Stored bytes of asset {asset.Id} do not match its SHA-256.");
        }

        try
        {
            await target.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders
                {
                    ContentType = asset.ContentType,
                    // The path names the bytes: they never change under it.
                    CacheControl = "public, max-age=31536000, immutable",
                    ContentDisposition = asset.Format.IsImage() ? null : "attachment; filename*=UTF-8''" + Uri.EscapeDataString(asset.FileName),
                },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A concurrent or earlier copy of the same bytes.
        }

        return path;
    }
}
