using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Publishing.Channels.Website;

/// <summary>Reads the published site from <c>$web</c> the way Azure's static website serves it (folder → index.html).</summary>
public sealed class SiteFiles(BlobServiceClient blobs, IOptions<SiteOptions> options)
{
    readonly BlobContainerClient container = blobs.GetBlobContainerClient(options.Value.ContainerName);

    public sealed record SiteFile(BinaryData Content, string ContentType);

    public async Task<SiteFile?> ReadAsync(string? path, CancellationToken cancellationToken = default)
    {
        string name = (path ?? "").Trim('/');
        if (name.Split('/').Any(segment => segment is "." or ".." || segment.Contains('\\')))
        {
            return null;
        }

        if (name.Length == 0 || !Path.HasExtension(name))
        {
            name = name.Length == 0 ? "index.html" : name + "/index.html";
        }

        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return new SiteFile(download.Value.Content, download.Value.Details.ContentType ?? "application/octet-stream");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
