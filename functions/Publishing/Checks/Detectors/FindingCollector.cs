using Publishing.Checks.Scanning;
using Publishing.Content;

namespace Publishing.Checks.Detectors;

/// <summary>
/// Turns located faults into <see cref="Finding"/>s: maps a range of the scanned (normalised) text back to the
/// visible text and the HTML, cuts the excerpt and caps each rule's findings so a badly damaged document still
/// gives a readable report.
/// </summary>
public sealed class FindingCollector(VisibleText visible, ScanText scan)
{
    /// <summary>More than this many findings of one rule add nothing a reader can act on.</summary>
    public const int MaxPerRule = 100;

    /// <summary>Longer excerpts are cut (the range still covers the whole fault).</summary>
    public const int MaxExcerptLength = 200;

    readonly List<Finding> _findings = [];
    readonly Dictionary<string, int> _perRule = new(StringComparer.Ordinal);

    public FindingCollector(VisibleText visible)
        : this(visible, ScanText.Of(visible.Text))
    {
    }

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>True once <paramref name="ruleId"/> has all the findings it may have.</summary>
    public bool IsFull(string ruleId) => _perRule.GetValueOrDefault(ruleId) >= MaxPerRule;

    /// <summary>A fault at [start, start+length) of the scanned text.</summary>
    public void Add(string aspect, string ruleId, string severity, string message, int start, int length, string? suggestion = null) =>
        AddScanned(aspect, ruleId, severity, message, start, length, suggestion, excerpt: null);

    /// <summary>Personal data: the excerpt and the suggestion are its masked form, the range still the original.</summary>
    public void AddMasked(string aspect, string ruleId, string severity, string message, int start, int length, string masked) =>
        AddScanned(aspect, ruleId, severity, message, start, length, masked, masked);

    /// <summary>A fault at [start, start+length) of the visible text with a known HTML range (an image tag).</summary>
    public void Add(string aspect, string ruleId, string severity, string message, int start, int length, int htmlStart, int htmlLength)
    {
        if (!Count(ruleId))
        {
            return;
        }

        (start, length) = Clamp(start, length);
        _findings.Add(new Finding(aspect, ruleId, severity, message, start, length, Excerpt(start, length))
        {
            HtmlStart = htmlStart,
            HtmlLength = htmlLength,
            Attribute = visible.AttributeAt(start),
        });
    }

    void AddScanned(string aspect, string ruleId, string severity, string message, int start, int length, string? suggestion, string? excerpt)
    {
        if (!Count(ruleId))
        {
            return;
        }

        var (visibleStart, visibleLength) = scan.ToSource(start, length);
        (visibleStart, visibleLength) = Clamp(visibleStart, visibleLength);
        bool mapped = visible.TryMapToHtml(visibleStart, visibleLength, out int htmlStart, out int htmlLength);
        _findings.Add(new Finding(aspect, ruleId, severity, message, visibleStart, visibleLength, excerpt ?? Excerpt(visibleStart, visibleLength), suggestion)
        {
            HtmlStart = mapped ? htmlStart : null,
            HtmlLength = mapped ? htmlLength : null,
            Attribute = visible.AttributeAt(visibleStart),
        });
    }

    bool Count(string ruleId)
    {
        int count = _perRule.GetValueOrDefault(ruleId);
        if (count >= MaxPerRule)
        {
            return false;
        }

        _perRule[ruleId] = count + 1;
        return true;
    }

    (int Start, int Length) Clamp(int start, int length)
    {
        start = Math.Clamp(start, 0, visible.Text.Length);
        return (start, Math.Clamp(length, 0, visible.Text.Length - start));
    }

    string Excerpt(int start, int length) => length <= MaxExcerptLength
        ? visible.Text.Substring(start, length)
        : string.Concat(visible.Text.AsSpan(start, MaxExcerptLength), "…");
}
