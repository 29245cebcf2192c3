using System.Security.Cryptography;
using System.Text;
using Publishing.Checks.Scanning;
using Publishing.Content;

namespace Publishing.Checks.Detectors;

/// <summary>
/// Turns located faults into <see cref="Finding"/>s: maps a range of the scanned (normalised) text back to the
/// visible text and the HTML, cuts the excerpt, and groups repeated occurrences of the same fault (rule, severity and
/// message) into one finding with a count, so a reviewer reads one line for a hundred half-width commas.
/// </summary>
public sealed class FindingCollector(VisibleText visible, ScanText scan)
{
    /// <summary>Occurrences of one finding kept with positions; more are counted but add nothing a reader can act on.</summary>
    public const int MaxOccurrences = 100;

    /// <summary>The cap term rules size their candidate lists by (kept for them; same as <see cref="MaxOccurrences"/>).</summary>
    public const int MaxPerRule = MaxOccurrences;

    /// <summary>Longer excerpts are cut (the range still covers the whole fault).</summary>
    public const int MaxExcerptLength = 200;

    readonly List<Group> _groups = [];
    readonly Dictionary<(string RuleId, string Severity, string Message), Group> _byKey = [];
    IReadOnlyList<Finding>? _findings;

    public FindingCollector(VisibleText visible)
        : this(visible, ScanText.Of(visible.Text))
    {
    }

    /// <summary>The grouped findings, blocks first, then by the position of their first occurrence.</summary>
    public IReadOnlyList<Finding> Findings => _findings ??= Build();

    /// <summary>A fault at [start, start+length) of the scanned text.</summary>
    public void Add(string aspect, string ruleId, string severity, string message, int start, int length, string? suggestion = null) =>
        AddScanned(aspect, ruleId, severity, message, start, length, suggestion, replacement: null, excerpt: null);

    /// <summary>A fault whose fix is mechanical: <paramref name="replacement"/> replaces the range (also the suggestion unless one is given).</summary>
    public void AddFix(string aspect, string ruleId, string severity, string message, int start, int length, string replacement, string? suggestion = null) =>
        AddScanned(aspect, ruleId, severity, message, start, length, suggestion ?? replacement, replacement, excerpt: null);

    /// <summary>Personal data: the excerpt, the suggestion and the fix are its masked form, the range still the original.</summary>
    public void AddMasked(string aspect, string ruleId, string severity, string message, int start, int length, string masked) =>
        AddScanned(aspect, ruleId, severity, message, start, length, masked, masked, masked);

    /// <summary>Personal data a person must judge (an office's mailbox): shown masked, no fix offered.</summary>
    public void AddMaskedNoFix(string aspect, string ruleId, string severity, string message, int start, int length, string masked) =>
        AddScanned(aspect, ruleId, severity, message, start, length, suggestion: null, replacement: null, masked);

    /// <summary>A fault at [start, start+length) of the visible text with a known HTML range (an image tag).</summary>
    public void Add(string aspect, string ruleId, string severity, string message, int start, int length, int htmlStart, int htmlLength)
    {
        var group = GroupOf(aspect, ruleId, severity, message, suggestion: null);
        if (group.Occurrences.Count >= MaxOccurrences)
        {
            return;
        }

        (start, length) = Clamp(start, length);
        group.Occurrences.Add(new FindingOccurrence(start, length, Excerpt(start, length))
        {
            HtmlStart = htmlStart,
            HtmlLength = htmlLength,
            Attribute = visible.AttributeAt(start),
        });
    }

    void AddScanned(string aspect, string ruleId, string severity, string message, int start, int length, string? suggestion, string? replacement, string? excerpt)
    {
        var group = GroupOf(aspect, ruleId, severity, message, suggestion);
        if (group.Occurrences.Count >= MaxOccurrences)
        {
            return;
        }

        var (visibleStart, visibleLength) = scan.ToSource(start, length);
        (visibleStart, visibleLength) = Clamp(visibleStart, visibleLength);
        bool mapped = visible.TryMapToHtml(visibleStart, visibleLength, out int htmlStart, out int htmlLength);
        group.Occurrences.Add(new FindingOccurrence(visibleStart, visibleLength, excerpt ?? Excerpt(visibleStart, visibleLength))
        {
            HtmlStart = mapped ? htmlStart : null,
            HtmlLength = mapped ? htmlLength : null,
            Attribute = visible.AttributeAt(visibleStart),
            Replacement = replacement,
        });
    }

    Group GroupOf(string aspect, string ruleId, string severity, string message, string? suggestion)
    {
        _findings = null;
        var key = (ruleId, severity, message);
        if (!_byKey.TryGetValue(key, out var group))
        {
            group = new Group(aspect, ruleId, severity, message, suggestion);
            _byKey.Add(key, group);
            _groups.Add(group);
        }

        group.Count++;
        return group;
    }

    IReadOnlyList<Finding> Build()
    {
        var findings = new List<Finding>(_groups.Count);
        foreach (var group in _groups)
        {
            // Checks do not always report in text order (term rules sort their candidates, images come last).
            var occurrences = group.Occurrences.OrderBy(o => o.Start).ThenBy(o => o.Length).ToList();
            var first = occurrences[0];
            string message = group.Count > 1 ? $"{group.Message}（全文共 {group.Count} 处）" : group.Message;
            findings.Add(new Finding(group.Aspect, group.RuleId, group.Severity, message, first.Start, first.Length, first.Excerpt, group.Suggestion)
            {
                HtmlStart = first.HtmlStart,
                HtmlLength = first.HtmlLength,
                Attribute = first.Attribute,
                Id = IdOf(group),
                Count = group.Count,
                Occurrences = occurrences,
                Replacement = first.Replacement,
            });
        }

        return [.. findings.OrderBy(f => Severities.Rank(f.Severity)).ThenBy(f => f.Start).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
    }

    static string IdOf(Group group)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{group.RuleId}\n{group.Severity}\n{group.Message}"));
        return $"{group.RuleId}#{Convert.ToHexStringLower(hash.AsSpan(0, 6))}";
    }

    (int Start, int Length) Clamp(int start, int length)
    {
        start = Math.Clamp(start, 0, visible.Text.Length);
        return (start, Math.Clamp(length, 0, visible.Text.Length - start));
    }

    string Excerpt(int start, int length) => length <= MaxExcerptLength
        ? visible.Text.Substring(start, length)
        : string.Concat(visible.Text.AsSpan(start, MaxExcerptLength), "…");

    sealed class Group(string aspect, string ruleId, string severity, string message, string? suggestion)
    {
        public string Aspect { get; } = aspect;
        public string RuleId { get; } = ruleId;
        public string Severity { get; } = severity;
        public string Message { get; } = message;
        public string? Suggestion { get; } = suggestion;
        public int Count { get; set; }
        public List<FindingOccurrence> Occurrences { get; } = [];
    }
}
