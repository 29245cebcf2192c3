using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Channels.Website;

/// <summary>
/// Publishes approved items as pages of the government website in Blob container <c>$web</c> (Azure Storage static
/// website) and keeps its lists, sitemap and Atom feed current. A policy and its interpretation link to each other.
/// </summary>
public sealed class WebsitePublisher(
    BlobServiceClient blobs,
    TableServiceClient tables,
    ContentStore content,
    SiteLock siteLock,
    IOptions<SiteOptions> siteOptions,
    IOptions<IndexNumberOptions> indexOptions,
    TimeProvider time)
{
    readonly SiteOptions site = siteOptions.Value;
    readonly BlobContainerClient container = blobs.GetBlobContainerClient(siteOptions.Value.ContainerName);
    readonly TableClient entries = tables.GetTableClient(siteOptions.Value.TableName);
    volatile bool created;

    public string UrlOf(string itemId) => site.UrlOf(SiteEntry.PathFor(itemId)).AbsoluteUri;

    /// <summary>Writes (or replaces) the item's page and updates every list; returns the page URL.</summary>
    public async Task<string> PublishAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        StoredVersion stored = await content.GetVersionAsync(itemId, version, cancellationToken)
            ?? throw new InvalidOperationException($"Version {version} of item {itemId} is not stored.");
        VersionDocument document = VersionDocument.FromJson(stored.MetadataJson);
        DateTimeOffset now = time.GetUtcNow();

        var existing = await entries.GetEntityIfExistsAsync<SiteEntry>(SiteEntry.Partition, itemId, cancellationToken: cancellationToken);
        var entry = new SiteEntry
        {
            RowKey = itemId,
            Title = document.Title,
            Kind = document.Kind,
            Category = string.IsNullOrWhiteSpace(document.Metadata.Category) ? "其他" : document.Metadata.Category,
            CategoryCode = indexOptions.Value.CategoryCode(document.Metadata.Category),
            IndexNumber = document.Metadata.IndexNumber,
            Publisher = document.Metadata.Publisher,
            DocumentNumber = document.Metadata.DocumentNumber,
            Version = version,
            Path = SiteEntry.PathFor(itemId),
            PublishedAt = existing.HasValue ? existing.Value!.PublishedAt : now,
            UpdatedAt = now,
            InterpretsItemId = document.InterpretsItemId,
            Summary = Summary(stored.SanitizedHtml),
        };
        await entries.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);

        await using (await siteLock.AcquireAsync(cancellationToken))
        {
            await RenderPageAsync(entry, stored, document, cancellationToken);
            foreach (var linked in await LinkedEntriesAsync(entry, cancellationToken))
            {
                await RenderPageAsync(linked, cancellationToken);
            }

            await RebuildIndexesAsync(cancellationToken);
        }

        return UrlOf(itemId);
    }

    /// <summary>Removes the item's page and takes it out of every list, the sitemap and the feed.</summary>
    public async Task UnpublishAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var existing = await entries.GetEntityIfExistsAsync<SiteEntry>(SiteEntry.Partition, itemId, cancellationToken: cancellationToken);
        await using (await siteLock.AcquireAsync(cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(SiteEntry.PathFor(itemId), cancellationToken: cancellationToken);
            if (existing.HasValue)
            {
                await entries.DeleteEntityAsync(SiteEntry.Partition, itemId, cancellationToken: cancellationToken);
                foreach (var linked in await LinkedEntriesAsync(existing.Value!, cancellationToken))
                {
                    await RenderPageAsync(linked, cancellationToken);
                }
            }

            await RebuildIndexesAsync(cancellationToken);
        }
    }

    public async Task<SiteEntry?> GetEntryAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var entry = await entries.GetEntityIfExistsAsync<SiteEntry>(SiteEntry.Partition, itemId, cancellationToken: cancellationToken);
        return entry.HasValue ? entry.Value : null;
    }

    async Task RenderPageAsync(SiteEntry entry, CancellationToken cancellationToken)
    {
        StoredVersion? stored = await content.GetVersionAsync(entry.ItemId, entry.Version, cancellationToken);
        if (stored is not null)
        {
            await RenderPageAsync(entry, stored, VersionDocument.FromJson(stored.MetadataJson), cancellationToken);
        }
    }

    async Task RenderPageAsync(SiteEntry entry, StoredVersion stored, VersionDocument document, CancellationToken cancellationToken)
    {
        var related = new List<SitePageRenderer.RelatedLink>();
        if (entry.InterpretsItemId is { } policyId
            && await GetEntryAsync(policyId, cancellationToken) is { } policy)
        {
            related.Add(new("解读的政策文件", policy.Title, "../" + policy.Path));
        }

        foreach (var interpretation in await InterpretationsOfAsync(entry.ItemId, cancellationToken))
        {
            related.Add(new("政策解读", interpretation.Title, "../" + interpretation.Path));
        }

        string html = SitePageRenderer.Render(site, entry, document.Metadata, stored.SanitizedHtml, related);
        await UploadAsync(entry.Path, html, "text/html; charset=utf-8", cancellationToken);
    }

    async Task<List<SiteEntry>> LinkedEntriesAsync(SiteEntry entry, CancellationToken cancellationToken)
    {
        var linked = await InterpretationsOfAsync(entry.ItemId, cancellationToken);
        if (entry.InterpretsItemId is { } policyId && await GetEntryAsync(policyId, cancellationToken) is { } policy)
        {
            linked.Add(policy);
        }

        return linked;
    }

    async Task<List<SiteEntry>> InterpretationsOfAsync(string policyId, CancellationToken cancellationToken)
    {
        var result = new List<SiteEntry>();
        await foreach (var e in entries.QueryAsync<SiteEntry>(e => e.PartitionKey == SiteEntry.Partition && e.InterpretsItemId == policyId, cancellationToken: cancellationToken))
        {
            result.Add(e);
        }

        return result;
    }

    async Task RebuildIndexesAsync(CancellationToken cancellationToken)
    {
        var all = new List<SiteEntry>();
        await foreach (var e in entries.QueryAsync<SiteEntry>(e => e.PartitionKey == SiteEntry.Partition, cancellationToken: cancellationToken))
        {
            all.Add(e);
        }

        var newestFirst = all.OrderByDescending(e => e.PublishedAt).ThenBy(e => e.RowKey, StringComparer.Ordinal).ToList();
        var categories = newestFirst.GroupBy(e => e.CategoryCode)
            .Select(g => (Name: g.First().Category, Folder: "lists/" + g.Key, Entries: g.ToList()))
            .OrderBy(c => c.Folder, StringComparer.Ordinal)
            .ToList();
        var navigation = categories.Select(c => (c.Name, c.Folder)).ToList();

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, html) in SiteIndexRenderer.ListPages(site, "", "最新信息", newestFirst, navigation))
        {
            await UploadAsync(path, html, "text/html; charset=utf-8", cancellationToken);
            written.Add(path);
        }

        foreach (var category in categories)
        {
            foreach (var (path, html) in SiteIndexRenderer.ListPages(site, category.Folder, category.Name, category.Entries, navigation))
            {
                await UploadAsync(path, html, "text/html; charset=utf-8", cancellationToken);
                written.Add(path);
            }
        }

        await UploadAsync(SiteStyles.Path, SiteStyles.Css, "text/css; charset=utf-8", cancellationToken);
        await UploadAsync("sitemap.xml", SiteIndexRenderer.Sitemap(site, newestFirst), "application/xml; charset=utf-8", cancellationToken);
        await UploadAsync("feed.xml", SiteIndexRenderer.AtomFeed(site, newestFirst), "application/atom+xml; charset=utf-8", cancellationToken);

        // List pages that no longer exist (fewer items, emptied category) must not linger.
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            bool isListPage = blob.Name.EndsWith(".html", StringComparison.Ordinal) && !blob.Name.StartsWith("articles/", StringComparison.Ordinal);
            if (isListPage && !written.Contains(blob.Name))
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }
    }

    Task UploadAsync(string path, string text, string contentType, CancellationToken cancellationToken) =>
        container.GetBlobClient(path).UploadAsync(
            BinaryData.FromString(text),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);

    async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await entries.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }
    }

    static string Summary(string sanitizedHtml)
    {
        string text = string.Join(" ", VisibleTextExtractor.Extract(sanitizedHtml).Text
            .Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
