using Publishing.Checks;

namespace Publishing.Supervision.Patrol;

/// <summary>Pure patrol rules: which of today's findings on a published item are new.</summary>
public static class PatrolEvaluator
{
    /// <summary>Rule, position and text identify an occurrence across runs; a changed message does not make it new.</summary>
    public static string Fingerprint(string ruleId, int start, string excerpt) => $"{ruleId}|{start}|{excerpt}";

    /// <summary>
    /// Every occurrence of a finding (grouped findings list them; findings stored before grouping are their own single
    /// occurrence), so a new place of a known fault is news too.
    /// </summary>
    public static IEnumerable<string> Fingerprints(Finding finding) => finding.Occurrences.Count == 0
        ? [Fingerprint(finding.RuleId, finding.Start, finding.Excerpt)]
        : finding.Occurrences.Select(o => Fingerprint(finding.RuleId, o.Start, o.Excerpt));

    /// <param name="previous">Fingerprints the people concerned already saw (last patrol, or the approval-time checks).</param>
    public static IReadOnlyList<Finding> NewFindings(IReadOnlyList<Finding> current, IReadOnlySet<string> previous) =>
        current.Where(f => Fingerprints(f).Any(p => !previous.Contains(p))).ToList();
}
