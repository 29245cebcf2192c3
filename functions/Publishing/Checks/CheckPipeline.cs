using Publishing.Checks.Catalog;
using Publishing.Checks.Detectors;
using Publishing.Checks.Engine;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Checks;

/// <summary>What the pre-checks look at: a draft or a submitted version, before sanitizing.</summary>
public sealed record CheckDraft(string Kind, string Title, string BodyHtml, ItemMetadata Metadata, string? InterpretsItemId);

/// <summary>The findings and exactly the HTML a submission would store.</summary>
public sealed record CheckReport(IReadOnlyList<Finding> Findings, string SanitizedHtml);

/// <summary>Sanitize → extract visible text → run every rule family. Singleton; thread-safe.</summary>
public sealed class CheckPipeline(ArticleSanitizer sanitizer, RuleSet rules)
{
    static readonly ICheck[] Checks =
    [
        new TermRuleCheck(),
        new PersonalDataCheck(),
        new GarbledTextCheck(),
        new TraditionalCharacterCheck(),
        new PairedPunctuationCheck(),
        new HalfWidthPunctuationCheck(),
        new ImpossibleDateCheck(),
        new DocumentNumberCheck(),
        new ImageAltCheck(),
        new MetadataCheck(),
    ];

    public RuleSet Rules => rules;

    public CheckReport Run(CheckDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        string sanitized = sanitizer.Sanitize(draft.BodyHtml);
        var visible = VisibleText.ForItem(draft.Title, VisibleTextExtractor.Extract(sanitized));
        var matches = new List<TermMatch>();
        rules.Automaton.Scan(visible.Text, matches);

        var context = new CheckContext(draft, visible, rules, matches);
        var findings = new FindingCollector(visible);
        foreach (var check in Checks)
        {
            check.Run(context, findings);
        }

        var ordered = findings.Findings
            .OrderBy(f => f.Start)
            .ThenBy(f => SeverityRank(f.Severity))
            .ToList();
        return new CheckReport(ordered, sanitized);
    }

    static int SeverityRank(string severity) => severity switch
    {
        Severities.Block => 0,
        Severities.Warn => 1,
        _ => 2,
    };
}
