using Publishing.Content;

namespace Publishing.Checks.Detectors;

/// <summary>
/// Turns located faults into <see cref="Finding"/>s: cuts the excerpt from the visible text, maps it back to
/// the HTML and caps each rule's findings so a badly damaged document still gives a readable report.
/// </summary>
public sealed class FindingCollector(VisibleText visible)
{
    /// <summary>More than this many findings of one rule add nothing a reader can act on.</summary>
    public const int MaxPerRule = 100;

    readonly List<Finding> _findings = [];
    readonly Dictionary<string, int> _perRule = new(StringComparer.Ordinal);

    public IReadOnlyList<Finding> Findings => _findings;

    public void Add(string aspect, string ruleId, string severity, string message, int start, int length, string? suggestion = null)
    {
        int count = _perRule.GetValueOrDefault(ruleId);
        if (count >= MaxPerRule)
        {
            return;
        }

        _perRule[ruleId] = count + 1;
        bool mapped = visible.TryMapToHtml(start, length, out int htmlStart, out int htmlLength);
        _findings.Add(new Finding(aspect, ruleId, severity, message, start, length, visible.Text.Substring(start, length), suggestion)
        {
            HtmlStart = mapped ? htmlStart : null,
            HtmlLength = mapped ? htmlLength : null,
        });
    }

    public void Add(string aspect, string ruleId, string severity, string message, int start, int length, int htmlStart, int htmlLength)
    {
        int count = _perRule.GetValueOrDefault(ruleId);
        if (count >= MaxPerRule)
        {
            return;
        }

        _perRule[ruleId] = count + 1;
        _findings.Add(new Finding(aspect, ruleId, severity, message, start, length, visible.Text.Substring(start, length))
        {
            HtmlStart = htmlStart,
            HtmlLength = htmlLength,
        });
    }
}
