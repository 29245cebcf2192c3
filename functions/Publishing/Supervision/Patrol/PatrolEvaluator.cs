using Publishing.Checks;

namespace Publishing.Supervision.Patrol;

/// <summary>Pure patrol rules: which of today's findings on a published item are new.</summary>
public static class PatrolEvaluator
{
    /// <summary>Rule, position and text identify a finding across runs; a changed message does not make it new.</summary>
    public static string Fingerprint(Finding finding) => $"{finding.RuleId}|{finding.Start}|{finding.Excerpt}";

    /// <param name="previous">Fingerprints the people concerned already saw (last patrol, or the approval-time checks).</param>
    public static IReadOnlyList<Finding> NewFindings(IReadOnlyList<Finding> current, IReadOnlySet<string> previous) =>
        current.Where(f => !previous.Contains(Fingerprint(f))).ToList();
}
