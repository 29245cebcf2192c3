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
public sealed class AuditTrail
{
    // CONTRACT STUB — replaced by the audit work.
    public Task<AuditEntry> AppendAsync(string itemId, AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Reads the whole trail and recomputes the chain.</summary>
    public Task<AuditTrailView> ReadAsync(string itemId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
