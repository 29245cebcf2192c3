using System.Globalization;
using System.Text;

namespace Publishing.Audit;

/// <summary>
/// The keyed hash that chains audit entries. Input is a versioned, length-prefixed text form of the item id and the
/// fields, so it never depends on a JSON serializer's escaping rules, and an entry cannot be moved to another item.
/// The HMAC key lives outside the table: recomputing plain SHA-256 values over edited rows does not verify.
/// </summary>
public static class AuditHash
{
    /// <summary>previousHash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <returns>Null when <paramref name="keyId"/> is not in <paramref name="keys"/>.</returns>
    public static string? Compute(
        AuditKeyRing keys, string keyId, string itemId, long sequence, string eventId, string action, string actor, DateTimeOffset at,
        string? stage, int? version, string? details, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var text = new StringBuilder("audit-v2\n");
        Field(text, itemId);
        Field(text, sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, eventId);
        Field(text, action);
        Field(text, actor);
        Field(text, FormatAt(at));
        Field(text, stage);
        Field(text, version?.ToString(CultureInfo.InvariantCulture));
        Field(text, details);
        Field(text, previousHash);
        return keys.Sign(keyId, text.ToString());
    }

    public static string? Compute(AuditKeyRing keys, string itemId, AuditEntry entry) => Compute(
        keys, entry.KeyId ?? "", itemId, entry.Sequence, entry.EventId, entry.Action, entry.Actor, entry.At,
        entry.Stage, entry.Version, entry.Details, entry.PreviousHash);

    /// <summary>ISO 8601 round-trip form in UTC, e.g. 2026-02-12T07:30:00.0000000Z.</summary>
    public static string FormatAt(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    // "-" for null, "{length}:{value}" otherwise: unambiguous whatever the value contains.
    static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-\n");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
