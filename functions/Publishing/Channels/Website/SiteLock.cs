using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace Publishing.Channels.Website;

/// <summary>
/// A blob lease that serializes rebuilding the site's lists, sitemap and feed, so two items published at once
/// cannot overwrite each other's index with a stale one.
/// </summary>
public sealed class SiteLock(BlobServiceClient blobs)
{
    readonly BlobClient lockBlob = blobs.GetBlobContainerClient("publishing-locks").GetBlobClient("site-index");
    volatile bool created;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await lockBlob.GetParentBlobContainerClient().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            try
            {
                await lockBlob.UploadAsync(BinaryData.FromString(""), overwrite: false, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
            }

            created = true;
        }

        var lease = lockBlob.GetBlobLeaseClient();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await lease.AcquireAsync(TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
                return new Held(lease);
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < 300)
            {
                await Task.Delay(Random.Shared.Next(100, 300), cancellationToken);
            }
        }
    }

    sealed class Held(BlobLeaseClient lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // The lease expires by itself.
            }
        }
    }
}
