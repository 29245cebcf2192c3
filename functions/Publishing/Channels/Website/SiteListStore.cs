using Azure;
using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// The site's lists in Table storage, one partition per list: a counter row, one member row per item, one row per
/// archive page holding its entries, and (home list) one row per sitemap chunk. A change writes the page's row, the
/// chunk's row, the member row and the counter in one entity group transaction conditioned on their ETags, so
/// concurrent publishers never lose or duplicate an entry and every change has its own list version. No lock: a
/// publisher that loses the race reads again and retries. Only point reads: the cost does not depend on the list's
/// length (Azurite, unlike Table storage, scans the whole table for any range query).
/// </summary>
public sealed class SiteListStore(TableClient table, SiteOptions site)
{
    /// <summary>A list's archive page as one row held it at list version <paramref name="Version"/>, oldest first.</summary>
    public sealed record Page(long Number, IReadOnlyList<SiteListEntry> Entries, long Version);

    /// <summary>A sitemap chunk's addresses as its row held them at list version <paramref name="Version"/>.</summary>
    public sealed record Chunk(long Number, IReadOnlyList<SitemapUrl> Urls, long Version);

    /// <summary>Where a change landed: the position, the counter as the change left it, and the page and chunk it wrote.</summary>
    public sealed record Change(long Position, SiteListCounter Counter, Page? Page, Chunk? Chunk)
    {
        /// <summary>The first list version that includes the change.</summary>
        public long Version => Counter.Version;
    }

    public async Task<SiteListCounter?> CounterAsync(SiteList list, CancellationToken cancellationToken)
    {
        var counter = await table.GetEntityIfExistsAsync<SiteListCounter>(list.PartitionKey, SiteListCounter.Key, cancellationToken: cancellationToken);
        return counter.HasValue ? counter.Value : null;
    }

    /// <summary>
    /// Adds the entry at the next position, or updates what the list shows of it where it already is.
    /// <paramref name="likelyNew"/> (the item was not on the site) skips looking for its member row first: the
    /// create-only insert of that row finds out.
    /// </summary>
    public async Task<Change> PutAsync(SiteList list, SiteListEntry content, string heading, bool likelyNew, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var counterTask = CounterAsync(list, cancellationToken);
            var member = attempt == 0 && likelyNew ? null : await MemberAsync(list, content.ItemId, cancellationToken);
            var counter = await counterTask;
            bool listed = member is { Removed: false };
            if (listed && counter is null)
            {
                throw new InvalidOperationException($"List {list.Key} has a member row for {content.ItemId} but no counter; they are written together.");
            }

            long position = listed ? member!.Position : (counter?.Count ?? 0) + 1;
            var (pageRow, chunkRow) = await RowsAsync(list, position, cancellationToken);
            var entries = SiteJsonRows.Read<SiteListEntry>(pageRow);
            var placed = content with { Position = position };
            if (listed && entries.Contains(placed))
            {
                return new Change(position, counter!, new Page(PageOf(position), entries, counter!.Version), null);
            }

            var next = Next(list, counter, heading);
            if (!listed)
            {
                next.Count = position;
                next.Live++;
            }

            next.Version++;
            entries = [.. entries.Where(e => e.Position != position), placed];
            entries.Sort((a, b) => a.Position.CompareTo(b.Position));
            var actions = new List<TableTransactionAction> { RowWrite(pageRow, SiteJsonRows.Write(list.PartitionKey, SiteJsonRows.BlockKey(PageOf(position)), entries)) };
            List<SitemapUrl>? urls = null;
            if (list.IsHome)
            {
                urls = [.. SiteJsonRows.Read<SitemapUrl>(chunkRow).Where(u => u.Position != position), new SitemapUrl(position, content.ItemId, content.UpdatedAt)];
                urls.Sort((a, b) => a.Position.CompareTo(b.Position));
                actions.Add(RowWrite(chunkRow, SiteJsonRows.Write(list.PartitionKey, SiteJsonRows.ChunkKey(ChunkOf(position)), urls)));
            }

            if (!listed)
            {
                var joined = new SiteListMember { PartitionKey = list.PartitionKey, RowKey = SiteListMember.RowKeyOf(content.ItemId), Position = position };
                // Back on the list after a retraction: a new position, as for a new entry.
                actions.Add(member is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, joined)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, joined, member.ETag));
            }

            actions.Add(CounterWrite(counter, next));
            if (await TrySubmitAsync(actions, next, attempt, cancellationToken))
            {
                return new Change(position, next, new Page(PageOf(position), entries, next.Version), urls is null ? null : new Chunk(ChunkOf(position), urls, next.Version));
            }
        }
    }

    /// <summary>
    /// Takes the entry off the list; <c>null</c> when it never was on it. Run again after it is off, it answers the
    /// position it had and the current counter, so the caller can still make sure no page shows it.
    /// </summary>
    public async Task<Change?> RemoveAsync(SiteList list, string itemId, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var counterTask = CounterAsync(list, cancellationToken);
            var member = await MemberAsync(list, itemId, cancellationToken);
            var counter = await counterTask;
            if (member is null || counter is null)
            {
                return null;
            }

            if (member.Removed)
            {
                return new Change(member.Position, counter, null, null);
            }

            long position = member.Position;
            var (pageRow, chunkRow) = await RowsAsync(list, position, cancellationToken);
            var entries = SiteJsonRows.Read<SiteListEntry>(pageRow).Where(e => e.Position != position).ToList();
            var next = Next(list, counter, counter.Heading);
            next.Live--;
            next.Version++;
            if (entries.Count == 0)
            {
                next.EmptyPages = EmptyPages.Add(next.EmptyPages, PageOf(position));
            }

            var actions = new List<TableTransactionAction> { RowWrite(pageRow, SiteJsonRows.Write(list.PartitionKey, SiteJsonRows.BlockKey(PageOf(position)), entries)) };
            List<SitemapUrl>? urls = null;
            if (list.IsHome)
            {
                urls = SiteJsonRows.Read<SitemapUrl>(chunkRow).Where(u => u.Position != position).ToList();
                actions.Add(RowWrite(chunkRow, SiteJsonRows.Write(list.PartitionKey, SiteJsonRows.ChunkKey(ChunkOf(position)), urls)));
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                new SiteListMember { PartitionKey = list.PartitionKey, RowKey = member.RowKey, Position = position, Removed = true }, member.ETag));
            actions.Add(CounterWrite(counter, next));
            if (await TrySubmitAsync(actions, next, attempt, cancellationToken))
            {
                return new Change(position, next, new Page(PageOf(position), entries, next.Version), urls is null ? null : new Chunk(ChunkOf(position), urls, next.Version));
            }
        }
    }

    /// <summary>
    /// Appends entries already online to a list, a page at a time (the page row, its members, its sitemap chunks
    /// and the counter in one transaction). An entry found already a member (an import cut short and run again)
    /// makes that page's entries go through <see cref="PutAsync"/> one by one instead.
    /// </summary>
    public async Task ImportAsync(SiteList list, IReadOnlyList<SiteListEntry> entries, string heading, CancellationToken cancellationToken)
    {
        for (int index = 0, attempt = 0; index < entries.Count;)
        {
            var counter = await CounterAsync(list, cancellationToken);
            long first = (counter?.Count ?? 0) + 1;
            long page = PageOf(first);
            int room = (int)Math.Min(page * site.PageSize - first + 1, 90);
            var batch = entries.Skip(index).Take(room).Select((e, i) => e with { Position = first + i }).ToList();
            var pageRow = await RowAsync(list.PartitionKey, SiteJsonRows.BlockKey(page), cancellationToken);
            var actions = new List<TableTransactionAction>
            {
                RowWrite(pageRow, SiteJsonRows.Write(list.PartitionKey, SiteJsonRows.BlockKey(page), SiteJsonRows.Read<SiteListEntry>(pageRow).Concat(batch))),
            };
            if (list.IsHome)
            {
                foreach (var chunk in batch.GroupBy(e => ChunkOf(e.Position)))
                {
                    var chunkRow = await RowAsync(list.PartitionKey, SiteJsonRows.ChunkKey(chunk.Key), cancellationToken);
                    var urls = SiteJsonRows.Read<SitemapUrl>(chunkRow).Concat(chunk.Select(e => new SitemapUrl(e.Position, e.ItemId, e.UpdatedAt)));
                    actions.Add(RowWrite(chunkRow, SiteJsonRows.Write(list.PartitionKey, SiteJsonRows.ChunkKey(chunk.Key), urls)));
                }
            }

            actions.AddRange(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add,
                new SiteListMember { PartitionKey = list.PartitionKey, RowKey = SiteListMember.RowKeyOf(e.ItemId), Position = e.Position })));
            var next = Next(list, counter, heading);
            next.Count += batch.Count;
            next.Live += batch.Count;
            next.Version++;
            actions.Add(CounterWrite(counter, next));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                index += batch.Count;
            }
            catch (TableTransactionFailedException e) when (ConcurrencyRetry.IsConflict(e))
            {
                if (await MemberAsync(list, batch[0].ItemId, cancellationToken) is not null || ++attempt > 3)
                {
                    foreach (var entry in batch)
                    {
                        await PutAsync(list, entry, heading, likelyNew: false, cancellationToken);
                    }

                    index += batch.Count;
                }
                else
                {
                    await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Records that archive page <paramref name="page"/> is written, so other pages may link to it. Starts from
    /// <paramref name="known"/> (no request when it already shows the page).
    /// </summary>
    public Task<SiteListCounter> MarkPageWrittenAsync(SiteList list, long page, SiteListCounter known, CancellationToken cancellationToken) =>
        MarkAsync(list, known, c => c.Pages >= page, c => { c.Pages = page; c.PagesVersion = c.Version; }, cancellationToken);

    /// <summary>Records that sitemap chunk <paramref name="chunk"/> is written, so the sitemap index may list it.</summary>
    public Task<SiteListCounter> MarkChunkWrittenAsync(SiteList list, long chunk, SiteListCounter known, CancellationToken cancellationToken) =>
        MarkAsync(list, known, c => c.Chunks >= chunk, c => { c.Chunks = chunk; c.ChunksVersion = c.Version; }, cancellationToken);

    /// <summary>Archive page <paramref name="page"/>'s entries, oldest first.</summary>
    public async Task<IReadOnlyList<SiteListEntry>> PageAsync(SiteList list, long page, CancellationToken cancellationToken) =>
        SiteJsonRows.Read<SiteListEntry>(await RowAsync(list.PartitionKey, SiteJsonRows.BlockKey(page), cancellationToken));

    /// <summary>Sitemap chunk <paramref name="chunk"/>'s addresses (home list), oldest first.</summary>
    public async Task<IReadOnlyList<SitemapUrl>> ChunkAsync(long chunk, CancellationToken cancellationToken) =>
        SiteJsonRows.Read<SitemapUrl>(await RowAsync(SiteList.Home.PartitionKey, SiteJsonRows.ChunkKey(chunk), cancellationToken));

    /// <summary>
    /// Up to <paramref name="count"/> entries, newest first, from the newest archive pages; <paramref name="known"/>
    /// is used instead of reading its page again.
    /// </summary>
    public async Task<List<SiteListEntry>> NewestAsync(SiteList list, SiteListCounter counter, int count, Page? known, CancellationToken cancellationToken)
    {
        var result = new List<SiteListEntry>(count);
        if (counter.Count == 0 || count <= 0)
        {
            return result;
        }

        // Pages not known to be empty hold at least one entry each, so at most `count` of them are read. The ones
        // that hold the newest entries when none was retracted (the newest page may hold just one) are read at once.
        var candidates = EmptyPages.NewestNotEmpty(counter.EmptyPages, PageOf(counter.Count), count);

        int batch = (count - 1 + site.PageSize - 1) / site.PageSize + 1;
        for (int next = 0; next < candidates.Count && result.Count < count; next += batch, batch = 1)
        {
            var pages = await Task.WhenAll(candidates.Skip(next).Take(batch).Select(p =>
                known?.Number == p && known.Version == counter.Version ? Task.FromResult(known.Entries) : PageAsync(list, p, cancellationToken)));
            result.AddRange(pages.SelectMany(entries => entries.OrderByDescending(e => e.Position)));
        }

        return result.Take(count).ToList();
    }

    public long PageOf(long position) => SiteList.BlockOf(position, site.PageSize);

    public long ChunkOf(long position) => SiteList.BlockOf(position, site.SitemapChunkSize);

    async Task<(TableEntity? Page, TableEntity? Chunk)> RowsAsync(SiteList list, long position, CancellationToken cancellationToken)
    {
        var page = RowAsync(list.PartitionKey, SiteJsonRows.BlockKey(PageOf(position)), cancellationToken);
        var chunk = list.IsHome ? RowAsync(list.PartitionKey, SiteJsonRows.ChunkKey(ChunkOf(position)), cancellationToken) : Task.FromResult<TableEntity?>(null);
        return (await page, await chunk);
    }

    async Task<TableEntity?> RowAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    async Task<SiteListCounter> MarkAsync(
        SiteList list, SiteListCounter known, Func<SiteListCounter, bool> done, Action<SiteListCounter> mark, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var counter = attempt == 0 && (done(known) || known.ETag != default)
                ? known
                : await CounterAsync(list, cancellationToken)
                    ?? throw new InvalidOperationException($"List {list.Key} has no counter row; pages are marked only after an entry joined it.");
            if (done(counter))
            {
                return counter;
            }

            var next = Next(list, counter, counter.Heading);
            next.Version++;
            mark(next);
            try
            {
                var response = await table.UpdateEntityAsync(next, counter.ETag, TableUpdateMode.Replace, cancellationToken);
                next.ETag = response.Headers.ETag ?? default;
                return next;
            }
            catch (RequestFailedException e) when (ConcurrencyRetry.IsConflict(e))
            {
                await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>Submits the transaction whose last action writes <paramref name="counter"/>, and keeps the counter's new ETag.</summary>
    async Task<bool> TrySubmitAsync(List<TableTransactionAction> actions, SiteListCounter counter, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            var responses = await table.SubmitTransactionAsync(actions, cancellationToken);
            counter.ETag = responses.Value.Count == actions.Count && responses.Value[^1].Headers.ETag is { } etag ? etag : default;
            return true;
        }
        catch (TableTransactionFailedException e) when (ConcurrencyRetry.IsConflict(e))
        {
            // Another publisher changed the list first; read it again.
            await ConcurrencyRetry.DelayAsync(attempt, cancellationToken);
            return false;
        }
    }

    async Task<SiteListMember?> MemberAsync(SiteList list, string itemId, CancellationToken cancellationToken)
    {
        var member = await table.GetEntityIfExistsAsync<SiteListMember>(list.PartitionKey, SiteListMember.RowKeyOf(itemId), cancellationToken: cancellationToken);
        return member.HasValue ? member.Value : null;
    }

    /// <summary>Creates the row, or replaces it only if it is still the version read.</summary>
    static TableTransactionAction RowWrite(TableEntity? current, TableEntity next) =>
        current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, current.ETag);

    static SiteListCounter Next(SiteList list, SiteListCounter? counter, string heading) => new()
    {
        PartitionKey = list.PartitionKey,
        Count = counter?.Count ?? 0,
        Live = counter?.Live ?? 0,
        Version = counter?.Version ?? 0,
        Pages = counter?.Pages ?? 0,
        PagesVersion = counter?.PagesVersion ?? 0,
        Chunks = counter?.Chunks ?? 0,
        ChunksVersion = counter?.ChunksVersion ?? 0,
        EmptyPages = counter?.EmptyPages ?? "",
        Heading = counter?.Heading is { Length: > 0 } kept ? kept : heading,
    };

    static TableTransactionAction CounterWrite(SiteListCounter? current, SiteListCounter next) =>
        current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, current.ETag);
}
