using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Publishing.Storage;

namespace Publishing.Audit;

/// <summary>One event in an item's audit trail.</summary>
/// <param name="EventId">Deterministic id of the event; appending the same id twice stores it once (replay-safe).</param>
/// <param name="Details">Small JSON object or text with event-specific facts.</param>
public sealed record AuditEvent(
    string EventId,
    string Action,
    string Actor,
    DateTimeOffset At,
    string? Stage,
    int? Version,
    string? Details);

/// <summary>A stored entry: the event plus its position and the keyed hash chaining it to the previous entry.</summary>
/// <param name="KeyId">Which audit key signed <paramref name="Hash"/> (a fingerprint, not the key).</param>
public sealed record AuditEntry(
    long Sequence,
    string EventId,
    string Action,
    string Actor,
    DateTimeOffset At,
    string? Stage,
    int? Version,
    string? Details,
    string PreviousHash,
    string Hash,
    string? KeyId = null);

/// <param name="FirstBrokenSequence">The first entry that cannot be trusted; null when verified.</param>
/// <param name="Problem">Why, in Chinese, for the auditor.</param>
/// <param name="AnchoredThrough">How many entries append-only anchors vouch for.</param>
public sealed record AuditTrailView(
    IReadOnlyList<AuditEntry> Entries, bool Verified, long? FirstBrokenSequence = null, string? Problem = null, long AnchoredThrough = 0);

/// <summary>
/// Append-only, hash-chained audit trail in Table storage (table <c>AuditTrail</c>, partition = item id,
/// ordered row keys). Safe under concurrent appenders and activity replays.
/// </summary>
/// <remarks>
/// Rows of a partition: entries "0000000001"…, one "id-{sha256(eventId)}" row per event (replay guard) and
/// "~head" (last sequence and hash). Entry, id row and head are written in one entity-group transaction with
/// the head's ETag, so concurrent appenders cannot fork the chain: the loser retries on the new head.
/// Nothing updates or deletes an entry. Each entry's hash is an HMAC over the item id and its fields with a key
/// held outside the table; a marker row in partition "~anchor-pending" tells <see cref="AuditAnchorer"/> which
/// heads to copy to append-only storage.
/// </remarks>
public sealed class AuditTrail
{
    const string HeadKey = "~head";
    const string EventIndexPrefix = "id-";
    internal const string PendingAnchorPartition = "~anchor-pending";

    readonly TableClient _table;
    readonly CreateOnce _createTable;
    readonly AuditKeyRing _keys;
    readonly AuditAnchorStore? _anchors;

    public AuditTrail(TableServiceClient tableService, IOptions<AuditTrailOptions> options, AuditAnchorStore? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(tableService);
        ArgumentNullException.ThrowIfNull(options);
        _table = tableService.GetTableClient(options.Value.TableName);
        _createTable = new CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
        _keys = new AuditKeyRing(options.Value.HmacKey, options.Value.RetiredHmacKeys);
        _anchors = anchors;
    }

    public async Task<AuditEntry> AppendAsync(string itemId, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.EventId);
        string partition = Partition(itemId);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);

        string indexKey = EventIndexPrefix + TableKeys.Hash(auditEvent.EventId);
        Task? mark = null;
        for (int attempt = 0; attempt < ConcurrencyRetry.MaxAttempts; attempt++)
        {
            // The three calls run side by side: marking adds no latency to the append.
            var existingTask = FindByIndexAsync(partition, indexKey, cancellationToken);
            var headTask = _table.GetEntityIfExistsAsync<TableEntity>(partition, HeadKey, cancellationToken: cancellationToken);
            mark ??= MarkForAnchoringAsync(itemId, partition, cancellationToken);
            if (await existingTask.ConfigureAwait(false) is { } existing)
            {
                await Task.WhenAll(headTask, mark).ConfigureAwait(false);
                return existing;
            }

            var head = await headTask.ConfigureAwait(false);
            // Marked before the entry is written, so a crash right after the transaction still leaves the head to anchor.
            await mark.ConfigureAwait(false);
            long lastSequence = head.HasValue ? head.Value!.GetInt64("LastSequence") ?? 0 : 0;
            string previousHash = head.HasValue ? head.Value!.GetString("LastHash") ?? AuditHash.Genesis : AuditHash.Genesis;
            var entry = NewEntry(itemId, lastSequence + 1, auditEvent, previousHash);

            var newHead = new TableEntity(partition, HeadKey) { ["LastSequence"] = entry.Sequence, ["LastHash"] = entry.Hash };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, ToEntity(partition, entry)),
                new(TableTransactionActionType.Add, new TableEntity(partition, indexKey) { ["Sequence"] = entry.Sequence, ["EventId"] = entry.EventId }),
                head.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                    : new(TableTransactionActionType.Add, newHead),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                // Again after, in the background: the anchorer may have consumed the first mark just before the
                // transaction. Best effort; the next append marks the item anyway.
                _ = TryMarkForAnchoringAsync(itemId, partition);
                return entry;
            }
            catch (RequestFailedException exception) when (ConcurrencyRetry.IsConflict(exception))
            {
                // Another appender moved the head (or stored this very event): re-read and try again.
                await ConcurrencyRetry.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException(
            $"Could not append audit event {auditEvent.EventId} to item {itemId}: the trail stayed contended for {ConcurrencyRetry.MaxAttempts} attempts.");
    }

    /// <summary>Reads the whole trail and verifies it: HMACs, links, head and the append-only anchors.</summary>
    public Task<AuditTrailView> ReadAsync(string itemId, CancellationToken cancellationToken = default) =>
        ReadAsync(itemId, itemExists: false, cancellationToken);

    /// <param name="itemExists">The item is known to exist, so an empty trail means its records were lost or deleted.</param>
    public async Task<AuditTrailView> ReadAsync(string itemId, bool itemExists, CancellationToken cancellationToken = default)
    {
        string partition = Partition(itemId);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);

        // Entry keys are all digits; ':' sorts right after '9', so this range excludes the id and head rows.
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"0"} and RowKey lt {":"}");
        var entries = new List<AuditEntry>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FromEntity(entity));
        }

        var head = await ReadHeadRowAsync(partition, cancellationToken).ConfigureAwait(false);
        var anchors = _anchors is null ? [] : await _anchors.ReadAsync(itemId, cancellationToken).ConfigureAwait(false);
        var result = AuditChainVerifier.Verify(itemId, entries, head, anchors, _keys, itemExists);
        return new AuditTrailView(entries, result.Verified, result.FirstBrokenSequence, result.Problem, result.AnchoredThrough);
    }

    /// <summary>The current head of an item's chain; null before its first entry.</summary>
    public async Task<AuditHead?> ReadHeadAsync(string itemId, CancellationToken cancellationToken = default)
    {
        string partition = Partition(itemId);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await ReadHeadRowAsync(partition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Items whose head changed since it was last anchored, with the marker's ETag for <see cref="ClearPendingAnchorAsync"/>.</summary>
    internal async IAsyncEnumerable<(string ItemId, ETag ETag)> PendingAnchorsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {PendingAnchorPartition}");
        await foreach (var marker in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (marker.GetString("ItemId") is { Length: > 0 } itemId)
            {
                yield return (itemId, marker.ETag);
            }
        }
    }

    /// <summary>Removes the marker unless the item was appended to again since it was read (then it stays for the next run).</summary>
    internal async Task ClearPendingAnchorAsync(string itemId, ETag etag, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.DeleteEntityAsync(PendingAnchorPartition, Partition(itemId), etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
        }
    }

    async Task<AuditHead?> ReadHeadRowAsync(string partition, CancellationToken cancellationToken)
    {
        var head = await _table.GetEntityIfExistsAsync<TableEntity>(partition, HeadKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.HasValue
            ? new AuditHead(head.Value!.GetInt64("LastSequence") ?? 0, head.Value.GetString("LastHash") ?? "")
            : null;
    }

    Task MarkForAnchoringAsync(string itemId, string partition, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(PendingAnchorPartition, partition) { ["ItemId"] = itemId }, TableUpdateMode.Replace, cancellationToken);

    async Task TryMarkForAnchoringAsync(string itemId, string partition)
    {
        try
        {
            await MarkForAnchoringAsync(itemId, partition, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // The mark written before the transaction usually still stands; the entry itself is stored.
        }
    }

    static string Partition(string itemId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        // "~" partitions hold the trail's own bookkeeping.
        if (itemId.StartsWith('~'))
        {
            throw new ArgumentException($"Item id '{itemId}' cannot start with '~'.", nameof(itemId));
        }

        return TableKeys.Escape(itemId);
    }

    async Task<AuditEntry?> FindByIndexAsync(string partition, string indexKey, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(partition, indexKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!index.HasValue || index.Value!.GetInt64("Sequence") is not { } sequence)
        {
            return null;
        }

        // Written in the same transaction as the index row, so it exists.
        var entry = await _table.GetEntityAsync<TableEntity>(partition, RowKey(sequence), cancellationToken: cancellationToken).ConfigureAwait(false);
        return FromEntity(entry.Value);
    }

    AuditEntry NewEntry(string itemId, long sequence, AuditEvent e, string previousHash)
    {
        // Normalise to UTC so the returned entry equals what a later read yields.
        var at = e.At.ToUniversalTime();
        string keyId = _keys.CurrentKeyId;
        string hash = AuditHash.Compute(_keys, keyId, itemId, sequence, e.EventId, e.Action, e.Actor, at, e.Stage, e.Version, e.Details, previousHash)!;
        return new AuditEntry(sequence, e.EventId, e.Action, e.Actor, at, e.Stage, e.Version, e.Details, previousHash, hash, keyId);
    }

    static string RowKey(long sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);

    static TableEntity ToEntity(string partition, AuditEntry entry) => new(partition, RowKey(entry.Sequence))
    {
        ["EventId"] = entry.EventId,
        ["Action"] = entry.Action,
        ["Actor"] = entry.Actor,
        // A string, not Edm.DateTime: the hash covers this exact text.
        ["At"] = AuditHash.FormatAt(entry.At),
        ["Stage"] = entry.Stage,
        ["Version"] = entry.Version,
        ["Details"] = entry.Details,
        ["PreviousHash"] = entry.PreviousHash,
        ["Hash"] = entry.Hash,
        ["KeyId"] = entry.KeyId,
    };

    static AuditEntry FromEntity(TableEntity entity)
    {
        // Tampered or malformed rows still load; they just fail verification.
        long sequence = long.TryParse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? s : -1;
        var at = DateTimeOffset.TryParseExact(entity.GetString("At"), "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : DateTimeOffset.MinValue;
        return new AuditEntry(
            sequence,
            entity.GetString("EventId") ?? "",
            entity.GetString("Action") ?? "",
            entity.GetString("Actor") ?? "",
            at,
            entity.GetString("Stage"),
            entity.GetInt32("Version"),
            entity.GetString("Details"),
            entity.GetString("PreviousHash") ?? "",
            entity.GetString("Hash") ?? "",
            entity.GetString("KeyId"));
    }
}
