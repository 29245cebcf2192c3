using System.Globalization;

namespace Publishing.Audit;

/// <summary>A head anchored in append-only storage: the chain had this many entries, ending in this hash.</summary>
public sealed record AuditAnchor(long Sequence, string Hash, DateTimeOffset AnchoredAt);

/// <summary>The stored head row of a chain.</summary>
public sealed record AuditHead(long Sequence, string Hash);

/// <summary>Whether a trail is intact, and if not, the first entry that cannot be trusted and why (Chinese).</summary>
public sealed record AuditVerification(bool Verified, long? FirstBrokenSequence, string? Problem, long AnchoredThrough)
{
    public static AuditVerification Broken(long sequence, string problem, long anchoredThrough) =>
        new(false, sequence, problem, anchoredThrough);
}

/// <summary>
/// Checks one item's chain: each entry's HMAC with the item id inside, the links, the head, and every anchor
/// written to append-only storage. HMACs stop anyone without the key; anchors stop even a holder of the key from
/// rewriting or truncating what was anchored.
/// </summary>
public static class AuditChainVerifier
{
    public static AuditVerification Verify(
        string itemId, IReadOnlyList<AuditEntry> entries, AuditHead? head, IReadOnlyList<AuditAnchor> anchors, AuditKeyRing keys,
        bool itemExists)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(anchors);
        long anchoredThrough = anchors.Count == 0 ? 0 : anchors.Max(a => a.Sequence);
        if (entries.Count == 0)
        {
            return itemExists || head is not null || anchoredThrough > 0
                ? AuditVerification.Broken(1, "该稿件没有任何审计记录：记录缺失或已被删除，无法证明其审核过程。", anchoredThrough)
                : new AuditVerification(true, null, null, 0);
        }

        long? broken = null;
        string? problem = null;
        void Report(long sequence, string text)
        {
            if (broken is null || sequence < broken)
            {
                (broken, problem) = (sequence, text);
            }
        }

        string expectedPrevious = AuditHash.Genesis;
        for (int i = 0; i < entries.Count && broken is null; i++)
        {
            var entry = entries[i];
            long position = i + 1;
            if (entry.Sequence != position)
            {
                Report(position, $"第 {N(position)} 条记录缺失或顺序错乱：记录被删除或插入。");
            }
            else if (AuditHash.Compute(keys, itemId, entry) is not { } expected)
            {
                Report(position, $"第 {N(position)} 条记录的签名密钥未知：记录是伪造的，或审计密钥轮换时未保留旧密钥（Publishing__Audit__RetiredHmacKeys）。");
            }
            else if (entry.PreviousHash != expectedPrevious || entry.Hash != expected)
            {
                Report(position, $"第 {N(position)} 条记录的校验值不符：记录内容在写入后被改动。");
            }

            expectedPrevious = entry.Hash;
        }

        // The head row pins the end of the chain, so entries removed from (or added to) the end are seen.
        if (head is { } h && h.Sequence > entries.Count)
        {
            Report(entries.Count + 1, $"末尾的记录被删除：链头记载 {N(h.Sequence)} 条，表中只有 {N(entries.Count)} 条。");
        }
        else if (head is null || head.Sequence < entries.Count)
        {
            Report((head?.Sequence ?? 0) + 1, $"第 {N((head?.Sequence ?? 0) + 1)} 条起的记录不在链头记载之内：记录被插入。");
        }
        else if (head.Hash != entries[^1].Hash)
        {
            Report(entries.Count, $"第 {N(entries.Count)} 条记录与链头不符：记录在写入后被改动。");
        }

        long lastMatched = 0;
        foreach (var anchor in anchors.OrderBy(a => a.Sequence))
        {
            if (anchor.Sequence > entries.Count)
            {
                Report(entries.Count + 1,
                    $"{Stamp(anchor)}存证时已有 {N(anchor.Sequence)} 条记录，表中只有 {N(entries.Count)} 条：存证后的记录被删除。");
            }
            else if (anchor.Sequence >= 1 && entries[(int)anchor.Sequence - 1].Hash != anchor.Hash)
            {
                Report(lastMatched + 1,
                    $"第 {N(lastMatched + 1)} 至 {N(anchor.Sequence)} 条记录与{Stamp(anchor)}的存证不符：记录在存证后被改写。");
            }
            else
            {
                lastMatched = Math.Max(lastMatched, anchor.Sequence);
            }
        }

        return broken is null
            ? new AuditVerification(true, null, null, anchoredThrough)
            : AuditVerification.Broken(broken.Value, problem!, anchoredThrough);
    }

    static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    static string Stamp(AuditAnchor anchor) => anchor.AnchoredAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
