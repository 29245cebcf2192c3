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

/// <summary>A stored entry: the event plus its position and the hash chaining it to the previous entry.</summary>
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
    string Hash);

public sealed record AuditTrailView(IReadOnlyList<AuditEntry> Entries, bool Verified);

/// <summary>
/// Append-only, hash-chained audit trail in Table storage (table <c>AuditTrail</c>, partition = item id,
/// ordered row keys). Safe under concurrent appenders and activity replays.
/// </summary>
/// <remarks>
/// Rows of a partition: entries "0000000001"…, one "id-{sha256(eventId)}" row per event (replay guard) and
/// "~head" (last sequence and hash). Entry, id row and head are written in one entity-group transaction with
/// the head's ETag, so concurrent appenders cannot fork the chain: the loser retries on the new head.
/// Nothing updates or deletes an entry.
/// </remarks>
public sealed class AuditTrail
{
    const string HeadKey = "~head";
    const string EventIndexPrefix = "id-";

    readonly TableClient _table;
    readonly CreateOnce _createTable;

    public AuditTrail(TableServiceClient tableService, IOptions<AuditTrailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tableService);
        _table = tableService.GetTableClient(options.Value.TableName);
        _createTable = new CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
    }

    public async Task<AuditEntry> AppendAsync(string itemId, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.EventId);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);

        string partition = TableKeys.Escape(itemId);
        string indexKey = EventIndexPrefix + TableKeys.Hash(auditEvent.EventId);
        for (int attempt = 0; attempt < ConcurrencyRetry.MaxAttempts; attempt++)
        {
            if (await FindByIndexAsync(partition, indexKey, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            var head = await _table.GetEntityIfExistsAsync<TableEntity>(partition, HeadKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            long lastSequence = head.HasValue ? head.Value!.GetInt64("LastSequence") ?? 0 : 0;
            string previousHash = head.HasValue ? head.Value!.GetString("LastHash") ?? AuditHash.Genesis : AuditHash.Genesis;
            var entry = NewEntry(lastSequence + 1, auditEvent, previousHash);

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

    /// <summary>Reads the whole trail and recomputes the chain.</summary>
    public async Task<AuditTrailView> ReadAsync(string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);

        string partition = TableKeys.Escape(itemId);
        // The head before the entries: an append commits entry and head together, so an append running beside this read
        // only adds entries after the head read, never leaves the head ahead of the entries read.
        var head = await _table.GetEntityIfExistsAsync<TableEntity>(partition, HeadKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Entry keys are all digits; ':' sorts right after '9', so this range excludes the id and head rows.
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"0"} and RowKey lt {":"}");
        var entries = new List<AuditEntry>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FromEntity(entity));
        }

        return new AuditTrailView(entries, Verify(entries, head.HasValue ? head.Value : null));
    }

    static bool Verify(IReadOnlyList<AuditEntry> entries, TableEntity? head)
    {
        string expectedPrevious = AuditHash.Genesis;
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1 || entry.PreviousHash != expectedPrevious || entry.Hash != AuditHash.Compute(entry))
            {
                return false;
            }

            expectedPrevious = entry.Hash;
        }

        // The head pins the last entry it saw, so removing entries from the end is detected too; entries after it were
        // appended while the trail was read and are verified by the chain above.
        long headSequence = head?.GetInt64("LastSequence") ?? 0;
        string headHash = head?.GetString("LastHash") ?? AuditHash.Genesis;
        return headSequence >= 0 && headSequence <= entries.Count && headHash == (headSequence == 0 ? AuditHash.Genesis : entries[(int)headSequence - 1].Hash);
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

    static AuditEntry NewEntry(long sequence, AuditEvent e, string previousHash)
    {
        // Normalise to UTC so the returned entry equals what a later read yields.
        var at = e.At.ToUniversalTime();
        string hash = AuditHash.Compute(sequence, e.EventId, e.Action, e.Actor, at, e.Stage, e.Version, e.Details, previousHash);
        return new AuditEntry(sequence, e.EventId, e.Action, e.Actor, at, e.Stage, e.Version, e.Details, previousHash, hash);
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
            entity.GetString("Hash") ?? "");
    }
}
