using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Content;
using Publishing.Items;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// Publishes approved items as pages of the government website in Blob container <c>$web</c> (Azure Storage static
/// website) and keeps its lists, sitemap and Atom feed current. A policy and its interpretation link to each other.
/// </summary>
/// <remarks>
/// A publish touches a bounded set of rows and files whatever the size of the site (see <see cref="SiteListPages"/>),
/// and needs no lock: list changes are table transactions, file writes are ETag-conditioned. Order keeps every link
/// valid at every moment: a page is written before any list or page links it, and unlinked before it is deleted.
/// Every step can run again after a crash (activities are retried), without listing an item twice.
/// </remarks>
public sealed partial class WebsitePublisher
{
    const string HtmlType = "text/html; charset=utf-8";

    readonly SiteOptions site;
    readonly ContentStore content;
    readonly IndexNumberOptions indexNumbers;
    readonly TimeProvider time;
    readonly ILogger<WebsitePublisher> logger;
    readonly TableClient entries;
    readonly SiteFileWriter files;
    readonly SiteListStore lists;
    readonly SiteCategories categories;
    readonly SiteInterpretations interpretations;
    readonly SiteListPages listPages;
    readonly CreateOnce created;
    readonly Assets.SiteAssets? assets;

    /// <param name="assets">Copies images and attachments into <c>$web</c>; without it pages carry the body as stored.</param>
    public WebsitePublisher(
        BlobServiceClient blobs,
        TableServiceClient tables,
        ContentStore content,
        IOptions<SiteOptions> siteOptions,
        IOptions<IndexNumberOptions> indexOptions,
        TimeProvider time,
        ILogger<WebsitePublisher> logger,
        Assets.SiteAssets? assets = null)
    {
        this.assets = assets;
        site = siteOptions.Value;
        this.content = content;
        indexNumbers = indexOptions.Value;
        this.time = time;
        this.logger = logger;
        var container = blobs.GetBlobContainerClient(site.ContainerName);
        entries = tables.GetTableClient(site.TableName);
        files = new SiteFileWriter(container);
        lists = new SiteListStore(entries, site);
        categories = new SiteCategories(entries);
        interpretations = new SiteInterpretations(entries);
        listPages = new SiteListPages(site, lists, categories, files);
        var import = new SiteImport(entries, lists, categories, interpretations, listPages);
        created = new CreateOnce(async ct =>
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            await entries.CreateIfNotExistsAsync(ct);
            await files.OverwriteAsync(SiteStyles.Path, SiteStyles.Css, "text/css; charset=utf-8", ct);
            await files.OverwriteAsync(SiteChrome.ScriptPath, SiteChrome.Script, "text/javascript; charset=utf-8", ct);
            await import.EnsureAsync(ct);
        });
    }

    public string UrlOf(string itemId) => site.UrlOf(SiteEntry.PathFor(itemId)).AbsoluteUri;

    /// <summary>Writes (or replaces) the item's page and puts it on its lists, the sitemap and the feed; returns the page URL.</summary>
    public async Task<string> PublishAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        await created.EnsureAsync(cancellationToken);
        StoredVersion stored = await content.GetVersionAsync(itemId, version, cancellationToken)
            ?? throw new InvalidOperationException($"Version {version} of item {itemId} is not stored.");
        VersionDocument document = VersionDocument.FromJson(stored.MetadataJson);
        SiteEntry? previous = await GetEntryAsync(itemId, cancellationToken);
        SiteEntry entry = NewEntry(itemId, version, stored, document, previous);

        var linked = await WriteOwnPageAsync(entry, stored, document, likelyNew: previous is null, cancellationToken);
        var navigation = await categories.SnapshotAsync(cancellationToken);

        // Leave the former 栏目 while the entry still names it, so a retry after a crash still knows which one.
        if (previous is not null && previous.CategoryCode != entry.CategoryCode)
        {
            var former = SiteList.Category(previous.CategoryCode);
            if (await lists.RemoveAsync(former, itemId, cancellationToken) is { } left)
            {
                await listPages.RefreshAsync(former, left, navigation, cancellationToken);
            }
        }

        await entries.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);

        var policies = new List<string>();
        if (previous?.InterpretsItemId is { } formerPolicy && formerPolicy != entry.InterpretsItemId)
        {
            await interpretations.RemoveAsync(formerPolicy, itemId, cancellationToken);
            policies.Add(formerPolicy);
        }

        if (entry.InterpretsItemId is { } policyId)
        {
            await interpretations.PutAsync(policyId, itemId, entry.Title, cancellationToken);
            policies.Add(policyId);
        }

        var listed = SiteListEntry.From(entry);
        var category = SiteList.Category(entry.CategoryCode);
        var inCategory = lists.PutAsync(category, listed, entry.Category, likelyNew: previous is null, cancellationToken);
        var inHome = lists.PutAsync(SiteList.Home, listed, SiteListPages.HomeHeading, likelyNew: previous is null, cancellationToken);
        await Task.WhenAll(inCategory, inHome);

        // The category's front page is written before the navigation of any page links it.
        var categoryPages = RefreshCategoryAsync(entry, await inCategory, navigation, cancellationToken);
        var homePages = listPages.RefreshAsync(SiteList.Home, await inHome, navigation, cancellationToken);
        await Task.WhenAll(categoryPages, homePages);
        await UpdateLinkedPagesAsync(entry, stored, document, linked, policies, titleChanged: previous?.Title != entry.Title, cancellationToken);
        LogPublished(itemId, version, (await inHome).Position);
        return UrlOf(itemId);
    }

    async Task RefreshCategoryAsync(SiteEntry entry, SiteListStore.Change change, SiteCategories.Snapshot navigation, CancellationToken cancellationToken)
    {
        await listPages.RefreshAsync(SiteList.Category(entry.CategoryCode), change, navigation, cancellationToken);
        if (!navigation.Has(entry.CategoryCode) && await categories.AddAsync(entry.CategoryCode, entry.Category, cancellationToken) is { } added)
        {
            await listPages.RefreshNavigationAsync(added, cancellationToken);
        }
    }

    /// <summary>Takes the item off its lists, the sitemap and the feed, unlinks it from related pages, then removes its page.</summary>
    public async Task UnpublishAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await created.EnsureAsync(cancellationToken);
        var existing = await GetEntryAsync(itemId, cancellationToken);
        var navigation = await categories.SnapshotAsync(cancellationToken);
        if (await lists.RemoveAsync(SiteList.Home, itemId, cancellationToken) is { } fromHome)
        {
            await listPages.RefreshAsync(SiteList.Home, fromHome, navigation, cancellationToken);
        }

        if (existing is not null)
        {
            var category = SiteList.Category(existing.CategoryCode);
            if (await lists.RemoveAsync(category, itemId, cancellationToken) is { } fromCategory)
            {
                await listPages.RefreshAsync(category, fromCategory, navigation, cancellationToken);
            }

            if (existing.InterpretsItemId is { } policyId)
            {
                await interpretations.RemoveAsync(policyId, itemId, cancellationToken);
                await RewritePageAsync(policyId, cancellationToken);
            }

            // Without its entry no page links it as the policy it interprets.
            await entries.DeleteEntityAsync(SiteEntry.Partition, itemId, cancellationToken: cancellationToken);
        }

        foreach (var interpretation in await interpretations.OfAsync(itemId, cancellationToken))
        {
            await RewritePageAsync(interpretation.ItemId, cancellationToken);
        }

        await files.DeleteAsync(SiteEntry.PathFor(itemId), cancellationToken);
        if (assets is not null)
        {
            await assets.RemoveAsync(itemId, cancellationToken);
        }

        LogUnpublished(itemId);
    }

    public async Task<SiteEntry?> GetEntryAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await created.EnsureAsync(cancellationToken);
        var entry = await entries.GetEntityIfExistsAsync<SiteEntry>(SiteEntry.Partition, itemId, cancellationToken: cancellationToken);
        return entry.HasValue ? entry.Value : null;
    }

    /// <summary>
    /// A related item published at the same moment may have read this item's state before it existed. Whoever
    /// writes state second sees the other's: the item re-reads its links after writing its entry and rewrites its
    /// page when they changed, and rewrites the pages of the items it links.
    /// </summary>
    async Task UpdateLinkedPagesAsync(
        SiteEntry entry, StoredVersion stored, VersionDocument document, IReadOnlyList<SitePageRenderer.RelatedLink> linked,
        IReadOnlyList<string> policies, bool titleChanged, CancellationToken cancellationToken)
    {
        var (links, explainedBy) = await RelatedAsync(entry, cancellationToken);
        if (!linked.SequenceEqual(links))
        {
            await WriteOwnPageAsync(entry, stored, document, likelyNew: false, cancellationToken);
        }

        foreach (string policyId in policies)
        {
            await RewritePageAsync(policyId, cancellationToken);
        }

        if (titleChanged)
        {
            foreach (var interpretation in explainedBy)
            {
                await RewritePageAsync(interpretation.ItemId, cancellationToken);
            }
        }
    }

    async Task<IReadOnlyList<SitePageRenderer.RelatedLink>> WriteOwnPageAsync(
        SiteEntry entry, StoredVersion stored, VersionDocument document, bool likelyNew, CancellationToken cancellationToken) =>
        await files.WriteAsync<IReadOnlyList<SitePageRenderer.RelatedLink>>(entry.Path, HtmlType, mayCreate: true, likelyNew, async ct =>
        {
            var (related, _) = await RelatedAsync(entry, ct);
            return (await RenderAsync(entry, document, stored.SanitizedHtml, related, ct), related);
        }, cancellationToken) ?? [];

    async Task<string> RenderAsync(
        SiteEntry entry, VersionDocument document, string sanitizedHtml, IReadOnlyList<SitePageRenderer.RelatedLink> related, CancellationToken cancellationToken)
    {
        if (assets is null)
        {
            return SitePageRenderer.Render(site, entry, document.Metadata, sanitizedHtml, related);
        }

        var (body, files) = await assets.PublishAsync(entry.ItemId, sanitizedHtml, document.Attachments, cancellationToken);
        return SitePageRenderer.Render(site, entry, document.Metadata, body, related, files);
    }

    /// <summary>Rewrites another item's page for its current links; a page that is gone (being retracted) stays gone.</summary>
    Task RewritePageAsync(string itemId, CancellationToken cancellationToken) =>
        files.WriteAsync<IReadOnlyList<SitePageRenderer.RelatedLink>>(SiteEntry.PathFor(itemId), HtmlType, mayCreate: false, likelyNew: false, async ct =>
        {
            if (await GetEntryAsync(itemId, ct) is not { } entry
                || await content.GetVersionAsync(entry.ItemId, entry.Version, ct) is not { } stored)
            {
                return null;
            }

            var (related, _) = await RelatedAsync(entry, ct);
            return (await RenderAsync(entry, VersionDocument.FromJson(stored.MetadataJson), stored.SanitizedHtml, related, ct), related);
        }, cancellationToken);

    /// <summary>The page's related links: the policy it interprets, and the interpretations of it.</summary>
    async Task<(IReadOnlyList<SitePageRenderer.RelatedLink> Links, IReadOnlyList<SiteInterpretations.Interpretation> ExplainedBy)> RelatedAsync(
        SiteEntry entry, CancellationToken cancellationToken)
    {
        var related = new List<SitePageRenderer.RelatedLink>();
        var policyTask = entry.InterpretsItemId is { } policyId ? GetEntryAsync(policyId, cancellationToken) : Task.FromResult<SiteEntry?>(null);
        var explainedBy = await interpretations.OfAsync(entry.ItemId, cancellationToken);
        if (await policyTask is { } policy)
        {
            related.Add(new("解读的政策文件", policy.Title, "../" + policy.Path));
        }

        related.AddRange(explainedBy.Select(i => new SitePageRenderer.RelatedLink("政策解读", i.Title, "../" + i.Path)));
        return (related, explainedBy);
    }

    SiteEntry NewEntry(string itemId, int version, StoredVersion stored, VersionDocument document, SiteEntry? previous)
    {
        // Whole milliseconds: the same instant whether read back from a row or from a list page's JSON.
        DateTimeOffset now = time.GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        return new SiteEntry
        {
            RowKey = itemId,
            Title = document.Title,
            Kind = document.Kind,
            Category = string.IsNullOrWhiteSpace(document.Metadata.Category) ? "其他" : document.Metadata.Category,
            CategoryCode = indexNumbers.CategoryCode(document.Metadata.Category),
            IndexNumber = document.Metadata.IndexNumber,
            Publisher = document.Metadata.Publisher,
            DocumentNumber = document.Metadata.DocumentNumber,
            Version = version,
            Path = SiteEntry.PathFor(itemId),
            PublishedAt = previous?.PublishedAt ?? now,
            // A replayed publish of the same version changes nothing, not even the sitemap's lastmod.
            UpdatedAt = previous is not null && previous.Version == version ? previous.UpdatedAt : now,
            InterpretsItemId = document.InterpretsItemId,
            Summary = Summary(stored.SanitizedHtml),
        };
    }

    static string Summary(string sanitizedHtml)
    {
        string text = string.Join(" ", VisibleTextExtractor.Extract(sanitizedHtml).Text
            .Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= 120)
        {
            return text;
        }

        // Never cut a surrogate pair in half.
        int cut = char.IsHighSurrogate(text[119]) ? 119 : 120;
        return text[..cut] + "…";
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Website: item {ItemId} v{Version} published at list position {Position}")]
    partial void LogPublished(string itemId, int version, long position);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Website: item {ItemId} taken down")]
    partial void LogUnpublished(string itemId);
}
