using Azure;
using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// The site's lists in Table storage. An entry's slot, its member row and the list's counter change in one entity
/// group transaction conditioned on the counter's ETag, so concurrent publishers never lose or duplicate an entry
/// and every change has its own list version. No lock: a publisher that loses the race reads again and retries.
/// </summary>
public sealed class SiteListStore(TableClient table)
{
    /// <summary>Where a change landed: the entry's position, and the list's counter as the change left it.</summary>
    public sealed record Change(long Position, SiteListCounter Counter)
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
    public async Task<Change> PutAsync(SiteList list, SiteListSlot content, string heading, bool likelyNew, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var counterTask = CounterAsync(list, cancellationToken);
            var member = attempt == 0 && likelyNew ? null : await MemberAsync(list, content.ItemId, cancellationToken);
            var counter = await counterTask;
            var next = Next(list, counter, heading);
            var actions = new List<TableTransactionAction>();
            long position;
            if (member is { Removed: false })
            {
                if (counter is null)
                {
                    throw new InvalidOperationException($"List {list.Key} has a member row for {content.ItemId} but no counter; they are written together.");
                }

                position = member.Position;
                var current = await SlotAsync(list, position, cancellationToken);
                if (current is not null && current.SameContentAs(content))
                {
                    return new Change(position, counter);
                }

                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Slot(list, content, position)));
            }
            else
            {
                position = ++next.Count;
                next.Live++;
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, Slot(list, content, position)));
                var joined = new SiteListMember { PartitionKey = list.PartitionKey, RowKey = SiteListMember.RowKeyOf(content.ItemId), Position = position };
                // Back on the list after a retraction: a new position, as for a new entry.
                actions.Add(member is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, joined)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, joined, member.ETag));
            }

            next.Version++;
            actions.Add(CounterWrite(counter, next));
            if (await TrySubmitAsync(actions, next, attempt, cancellationToken))
            {
                return new Change(position, next);
            }
        }
    }

    /// <summary>
    /// Takes the entry off the list; <c>null</c> when it never was on it. Run again after it is off, it answers the
    /// position it had and the current version, so the caller can still make sure no page shows it.
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
                return new Change(member.Position, counter);
            }

            var next = Next(list, counter, counter.Heading);
            next.Live--;
            next.Version++;
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.Delete, new TableEntity(list.PartitionKey, SiteListSlot.RowKeyOf(member.Position)), ETag.All),
                new(TableTransactionActionType.UpdateReplace,
                    new SiteListMember { PartitionKey = list.PartitionKey, RowKey = member.RowKey, Position = member.Position, Removed = true }, member.ETag),
                CounterWrite(counter, next),
            ];
            if (await TrySubmitAsync(actions, next, attempt, cancellationToken))
            {
                return new Change(member.Position, next);
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

    /// <summary>Up to <paramref name="count"/> entries, newest first.</summary>
    public Task<List<SiteListSlot>> NewestAsync(SiteList list, int count, CancellationToken cancellationToken) =>
        QueryAsync(list, SiteListSlot.NewestRowKey, SiteListSlot.PastOldestRowKey, count, cancellationToken);

    /// <summary>The entries at positions <paramref name="first"/>…<paramref name="last"/>, newest first.</summary>
    public Task<List<SiteListSlot>> RangeAsync(SiteList list, long first, long last, CancellationToken cancellationToken) =>
        QueryAsync(list, SiteListSlot.RowKeyOf(last), SiteListSlot.RowKeyOf(first - 1), (int)(last - first + 1), cancellationToken);

    async Task<List<SiteListSlot>> QueryAsync(SiteList list, string fromKey, string beforeKey, int count, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {list.PartitionKey} and RowKey ge {fromKey} and RowKey lt {beforeKey}");
        var result = new List<SiteListSlot>(count);
        await foreach (var slot in table.QueryAsync<SiteListSlot>(filter, maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            result.Add(slot);
            if (result.Count == count)
            {
                break;
            }
        }

        return result;
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

    async Task<SiteListSlot?> SlotAsync(SiteList list, long position, CancellationToken cancellationToken)
    {
        var slot = await table.GetEntityIfExistsAsync<SiteListSlot>(list.PartitionKey, SiteListSlot.RowKeyOf(position), cancellationToken: cancellationToken);
        return slot.HasValue ? slot.Value : null;
    }

    static SiteListSlot Slot(SiteList list, SiteListSlot content, long position) => new()
    {
        PartitionKey = list.PartitionKey,
        RowKey = SiteListSlot.RowKeyOf(position),
        Position = position,
        ItemId = content.ItemId,
        Title = content.Title,
        Publisher = content.Publisher,
        Summary = content.Summary,
        PublishedAt = content.PublishedAt,
        UpdatedAt = content.UpdatedAt,
    };

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
        Heading = counter?.Heading is { Length: > 0 } kept ? kept : heading,
    };

    static TableTransactionAction CounterWrite(SiteListCounter? current, SiteListCounter next) =>
        current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, current.ETag);
}
