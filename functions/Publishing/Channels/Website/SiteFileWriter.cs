using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// Writes the site's files with ETag-conditioned uploads instead of a lock: a writer renders from state it read after
/// the file's ETag and uploads only if the file is still that version, otherwise it reads and renders again. A writer
/// that stalls (a pause, a slow network) can therefore never put back a file older than one already written.
/// </summary>
/// <remarks>
/// Generated files carry the list and navigation versions they were rendered from (blob metadata), so a writer whose
/// change another writer's newer file already shows stops instead of rendering again: 50 concurrent publishers
/// converge after a few writes of each list page, not 50.
/// </remarks>
public sealed class SiteFileWriter(BlobContainerClient container)
{
    /// <summary>Every lost race means another writer succeeded, so this is only reached by a fault, never by load.</summary>
    const int MaxLostRaces = 1000;
    const string ListVersionKey = "listversion";
    const string NavVersionKey = "navversion";

    /// <summary>The list and navigation versions a generated file shows.</summary>
    public readonly record struct Stamp(long List, long Navigation)
    {
        public bool Covers(Stamp required) => List >= required.List && Navigation >= required.Navigation;
    }

    public sealed record Rendered(string Text, Stamp Stamp);

    /// <summary>
    /// Leaves the file alone when it already shows <paramref name="required"/>; otherwise renders and writes it.
    /// <paramref name="render"/> gets the attempt number: the first may use state the caller already holds, a retry
    /// after a lost race must read it again.
    /// </summary>
    public async Task EnsureAsync(string path, string contentType, Stamp required, Func<int, CancellationToken, Task<Rendered>> render, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(path);
        for (int attempt = 0; ; attempt++)
        {
            ThrowIfTooMany(attempt, path);
            var (etag, stamp) = await PropertiesAsync(blob, cancellationToken);
            if (stamp is { } shown && shown.Covers(required))
            {
                return;
            }

            var rendered = await render(attempt, cancellationToken);
            if (await TryUploadAsync(blob, rendered.Text, contentType, etag, rendered.Stamp, cancellationToken))
            {
                return;
            }

            await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
        }
    }

    /// <summary>
    /// Renders and writes an article page from fresh state, again after every lost race. With
    /// <paramref name="mayCreate"/> false, a page that does not exist (anymore) is left absent: rewriting another
    /// item's page must not bring back one that is being taken down. <paramref name="render"/> returning
    /// <c>null</c> means the page should not exist; nothing is written. <paramref name="likelyNew"/> skips asking
    /// for the current version on the first attempt (a create-only upload finds out).
    /// </summary>
    public async Task<T?> WriteAsync<T>(
        string path, string contentType, bool mayCreate, bool likelyNew, Func<CancellationToken, Task<(string Text, T State)?>> render, CancellationToken cancellationToken)
        where T : class
    {
        var blob = container.GetBlobClient(path);
        for (int attempt = 0; ; attempt++)
        {
            ThrowIfTooMany(attempt, path);
            var (etag, _) = attempt == 0 && likelyNew && mayCreate ? (null, null) : await PropertiesAsync(blob, cancellationToken);
            if (etag is null && !mayCreate)
            {
                return null;
            }

            if (await render(cancellationToken) is not { } rendered)
            {
                return null;
            }

            if (await TryUploadAsync(blob, rendered.Text, contentType, etag, null, cancellationToken))
            {
                return rendered.State;
            }

            await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
        }
    }

    /// <summary>Writes a file whatever is there (the stylesheet: the same bytes from every writer).</summary>
    public Task OverwriteAsync(string path, string text, string contentType, CancellationToken cancellationToken) =>
        container.GetBlobClient(path).UploadAsync(BinaryData.FromString(text),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        container.DeleteBlobIfExistsAsync(path, cancellationToken: cancellationToken);

    static void ThrowIfTooMany(int attempt, string path)
    {
        if (attempt >= MaxLostRaces)
        {
            throw new InvalidOperationException($"Site file {path} lost {MaxLostRaces} conditional writes in a row; the storage account is not behaving as expected.");
        }
    }

    static async Task<(ETag? ETag, Stamp? Stamp)> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return (properties.ETag, ReadStamp(properties.Metadata));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }

    static async Task<bool> TryUploadAsync(BlobClient blob, string text, string contentType, ETag? etag, Stamp? stamp, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            // Only over the version this render started from; a new file only where there was none.
            Conditions = etag is { } current ? new BlobRequestConditions { IfMatch = current } : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        if (stamp is { } s)
        {
            options.Metadata = new Dictionary<string, string>
            {
                [ListVersionKey] = s.List.ToString(CultureInfo.InvariantCulture),
                [NavVersionKey] = s.Navigation.ToString(CultureInfo.InvariantCulture),
            };
        }

        try
        {
            await blob.UploadAsync(BinaryData.FromString(text), options, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    static Stamp? ReadStamp(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(ListVersionKey, out string? list) && long.TryParse(list, CultureInfo.InvariantCulture, out long listVersion)
        && metadata.TryGetValue(NavVersionKey, out string? nav) && long.TryParse(nav, CultureInfo.InvariantCulture, out long navVersion)
            ? new Stamp(listVersion, navVersion)
            : null;
}
