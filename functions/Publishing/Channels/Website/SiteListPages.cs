using static Publishing.Channels.Website.SiteFileWriter;

namespace Publishing.Channels.Website;

/// <summary>
/// Brings the files that show one position of a list up to date after a change: the front page, the archive page
/// holding the position (and the one before it, whose "上一页" link moves when a page is added) and, for the home
/// list, the feed, the sitemap chunk and the sitemap index. A bounded number of files and rows, whatever the size
/// of the site. A file is linked only once it is written: pages and chunks are recorded as written after upload.
/// </summary>
/// <remarks>
/// A render labels its file with the counter version it read before reading the entries, a lower bound of what the
/// file shows. The first attempt may use the counter the change returned; a retry after a lost race reads again.
/// </remarks>
public sealed class SiteListPages(SiteOptions site, SiteListStore lists, SiteCategories categories, SiteFileWriter files)
{
    public const string HomeHeading = "最新信息";

    const string HtmlType = "text/html; charset=utf-8";
    const string XmlType = "application/xml; charset=utf-8";

    public async Task RefreshAsync(SiteList list, SiteListStore.Change change, SiteCategories.Snapshot navigation, CancellationToken cancellationToken)
    {
        if (change.Counter.Pages == 0)
        {
            // A new list: its front page first, since its archive pages, the feed and the sitemap link to it.
            await EnsureFrontPageAsync(list, change.Version, change.Counter, change.Page, navigation, cancellationToken);
        }

        var pages = RefreshPagesAsync(list, change, navigation, cancellationToken);
        await (list.IsHome ? Task.WhenAll(pages, RefreshFeedAsync(change, cancellationToken), RefreshSitemapAsync(change, cancellationToken)) : pages);
    }

    /// <summary>Front pages carry the 栏目 navigation: after a category is added every front page shows it.</summary>
    public async Task RefreshNavigationAsync(long navigationVersion, CancellationToken cancellationToken)
    {
        var navigation = await categories.SnapshotAsync(cancellationToken);
        foreach (var list in navigation.All.Select(c => SiteList.Category(c.Code)).Prepend(SiteList.Home))
        {
            if (await lists.CounterAsync(list, cancellationToken) is { } counter)
            {
                await files.EnsureAsync(list.FrontPath, HtmlType, new Stamp(0, navigationVersion),
                    (attempt, ct) => RenderFrontPageAsync(list, attempt == 0 ? counter : null, null, attempt == 0 ? navigation : null, ct), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Writes every file of a list that was just imported whole: all its archive pages and, for the home list, all
    /// sitemap chunks, the sitemap index and the feed. O(size of the list), run once.
    /// </summary>
    /// <remarks>During this one pass, an archive page may link a neighbour that is written a moment later.</remarks>
    public async Task RebuildAsync(SiteList list, CancellationToken cancellationToken)
    {
        var navigation = await categories.SnapshotAsync(cancellationToken);
        if (await lists.CounterAsync(list, cancellationToken) is not { Count: > 0 } counter)
        {
            return;
        }

        await EnsureFrontPageAsync(list, counter.Version, counter, null, navigation, cancellationToken);
        long pages = lists.PageOf(counter.Count);
        var linked = Copy(counter, pages);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Pages(1, pages), parallel, async (page, ct) =>
            await EnsureArchivePageAsync(list, page, counter.Version, linked, null, ct));
        counter = await lists.MarkPageWrittenAsync(list, pages, counter, cancellationToken);
        await EnsureFrontPageAsync(list, counter.Version, counter, null, navigation, cancellationToken);
        if (!list.IsHome)
        {
            return;
        }

        long chunks = lists.ChunkOf(counter.Count);
        var known = counter;
        await Parallel.ForEachAsync(Pages(1, chunks), parallel, async (chunk, ct) =>
            await EnsureSitemapChunkAsync(chunk, known.Version, known, null, ct));
        counter = await lists.MarkChunkWrittenAsync(list, chunks, counter, cancellationToken);
        await Task.WhenAll(
            EnsureSitemapIndexAsync(counter, cancellationToken),
            RefreshFeedAsync(new SiteListStore.Change(counter.Count, counter, null, null), cancellationToken));
    }

    static IEnumerable<long> Pages(long first, long last)
    {
        for (long page = first; page <= last; page++)
        {
            yield return page;
        }
    }

    static SiteListCounter Copy(SiteListCounter counter, long pages) => new()
    {
        PartitionKey = counter.PartitionKey, Count = counter.Count, Live = counter.Live, Version = counter.Version,
        Pages = pages, PagesVersion = counter.PagesVersion, Chunks = counter.Chunks, ChunksVersion = counter.ChunksVersion,
        EmptyPages = counter.EmptyPages, Heading = counter.Heading,
    };

    async Task RefreshPagesAsync(SiteList list, SiteListStore.Change change, SiteCategories.Snapshot navigation, CancellationToken cancellationToken)
    {
        var counter = await RefreshArchiveAsync(list, change, cancellationToken);
        await EnsureFrontPageAsync(list, Math.Max(change.Version, counter.PagesVersion), counter, change.Page, navigation, cancellationToken);
    }

    async Task<SiteListCounter> RefreshArchiveAsync(SiteList list, SiteListStore.Change change, CancellationToken cancellationToken)
    {
        var counter = change.Counter;
        long page = SiteList.BlockOf(change.Position, site.PageSize);
        // Pages are recorded one after another, so every page up to the recorded count exists; a page left
        // unwritten by a publisher that crashed is written by whoever comes next.
        for (long next = counter.Pages + 1; next < page; next++)
        {
            await EnsureArchivePageAsync(list, next, counter.Version, counter, null, cancellationToken);
            counter = await lists.MarkPageWrittenAsync(list, next, counter, cancellationToken);
        }

        await EnsureArchivePageAsync(list, page, change.Version, counter, change.Page, cancellationToken);
        counter = await lists.MarkPageWrittenAsync(list, page, counter, cancellationToken);
        if (page >= counter.Pages && counter.Pages > 1)
        {
            // The newest page was added (by this publisher, or by one that may have crashed since): the page
            // before it must lead to it.
            await EnsureArchivePageAsync(list, counter.Pages - 1, counter.PagesVersion, counter, change.Page, cancellationToken);
        }

        return counter;
    }

    Task EnsureFrontPageAsync(
        SiteList list, long version, SiteListCounter known, SiteListStore.Page? knownPage, SiteCategories.Snapshot navigation, CancellationToken cancellationToken) =>
        files.EnsureAsync(list.FrontPath, HtmlType, new Stamp(version, navigation.Version),
            (attempt, ct) => RenderFrontPageAsync(list, attempt == 0 ? known : null, attempt == 0 ? knownPage : null, attempt == 0 ? navigation : null, ct), cancellationToken);

    async Task<Rendered> RenderFrontPageAsync(
        SiteList list, SiteListCounter? known, SiteListStore.Page? knownPage, SiteCategories.Snapshot? navigation, CancellationToken cancellationToken)
    {
        navigation ??= await categories.SnapshotAsync(cancellationToken);
        var counter = known ?? await lists.CounterAsync(list, cancellationToken);
        var newest = counter is null ? [] : await lists.NewestAsync(list, counter, site.PageSize + 1, knownPage, cancellationToken);
        // The archive page that continues the front page, but never past the pages known to be written.
        long? older = null;
        if (newest.Count > site.PageSize && Math.Min(SiteList.BlockOf(newest[site.PageSize].Position, site.PageSize), counter!.Pages) is > 0 and var page)
        {
            older = page;
        }

        string html = SiteIndexRenderer.FrontPage(site, list, Heading(list, counter), newest.Take(site.PageSize).ToList(), counter?.Live ?? 0, older, navigation.All);
        return new Rendered(html, new Stamp(counter?.Version ?? 0, navigation.Version));
    }

    Task EnsureArchivePageAsync(
        SiteList list, long page, long version, SiteListCounter known, SiteListStore.Page? knownPage, CancellationToken cancellationToken) =>
        files.EnsureAsync(list.PagePath(page), HtmlType, new Stamp(version, 0), async (attempt, ct) =>
        {
            var counter = attempt == 0 ? known : await lists.CounterAsync(list, ct);
            var entries = attempt == 0 && knownPage?.Number == page && knownPage.Version == known.Version ? knownPage.Entries : await lists.PageAsync(list, page, ct);
            var newestFirst = entries.OrderByDescending(e => e.Position).ToList();
            string html = SiteIndexRenderer.ArchivePage(site, list, Heading(list, counter), page, newestFirst, hasNewerPage: counter is not null && counter.Pages > page);
            return new Rendered(html, new Stamp(counter?.Version ?? 0, 0));
        }, cancellationToken);

    Task RefreshFeedAsync(SiteListStore.Change change, CancellationToken cancellationToken) =>
        files.EnsureAsync(SiteIndexRenderer.FeedPath, "application/atom+xml; charset=utf-8", new Stamp(change.Version, 0), async (attempt, ct) =>
        {
            var counter = attempt == 0 ? change.Counter : await lists.CounterAsync(SiteList.Home, ct);
            var newest = counter is null ? [] : await lists.NewestAsync(SiteList.Home, counter, site.FeedSize, attempt == 0 ? change.Page : null, ct);
            return new Rendered(SiteIndexRenderer.AtomFeed(site, newest), new Stamp(counter?.Version ?? 0, 0));
        }, cancellationToken);

    async Task RefreshSitemapAsync(SiteListStore.Change change, CancellationToken cancellationToken)
    {
        var counter = change.Counter;
        long chunk = SiteList.BlockOf(change.Position, site.SitemapChunkSize);
        for (long next = counter.Chunks + 1; next < chunk; next++)
        {
            await EnsureSitemapChunkAsync(next, counter.Version, counter, null, cancellationToken);
            counter = await lists.MarkChunkWrittenAsync(SiteList.Home, next, counter, cancellationToken);
        }

        await EnsureSitemapChunkAsync(chunk, change.Version, counter, change.Chunk, cancellationToken);
        counter = await lists.MarkChunkWrittenAsync(SiteList.Home, chunk, counter, cancellationToken);
        if (chunk >= counter.Chunks)
        {
            await EnsureSitemapIndexAsync(counter, cancellationToken);
        }
    }

    Task EnsureSitemapIndexAsync(SiteListCounter known, CancellationToken cancellationToken) =>
        files.EnsureAsync(SiteIndexRenderer.SitemapPath, XmlType, new Stamp(known.ChunksVersion, 0), async (attempt, ct) =>
        {
            var current = attempt == 0 ? known : await lists.CounterAsync(SiteList.Home, ct);
            return new Rendered(SiteIndexRenderer.SitemapIndex(site, current?.Chunks ?? 0), new Stamp(current?.Version ?? 0, 0));
        }, cancellationToken);

    Task EnsureSitemapChunkAsync(long chunk, long version, SiteListCounter known, SiteListStore.Chunk? knownUrls, CancellationToken cancellationToken) =>
        files.EnsureAsync(SiteIndexRenderer.SitemapChunkPath(chunk), XmlType, new Stamp(version, 0), async (attempt, ct) =>
        {
            var counter = attempt == 0 ? known : await lists.CounterAsync(SiteList.Home, ct);
            var entries = attempt == 0 && knownUrls is not null && knownUrls.Version == known.Version ? knownUrls.Urls : await lists.ChunkAsync(chunk, ct);
            return new Rendered(SiteIndexRenderer.SitemapChunk(site, chunk, entries), new Stamp(counter?.Version ?? 0, 0));
        }, cancellationToken);

    static string Heading(SiteList list, SiteListCounter? counter) =>
        list.IsHome ? HomeHeading : counter?.Heading is { Length: > 0 } heading ? heading : "信息列表";
}
