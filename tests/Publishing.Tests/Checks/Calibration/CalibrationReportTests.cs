using System.Globalization;
using System.Text;
using Publishing.Checks;
using Xunit.Abstractions;

namespace Publishing.Tests.Checks.Calibration;

/// <summary>
/// The calibration report over the real documents: no block on any clean document, at most one warning per 2,000
/// characters overall, and per rule the findings (and occurrences) per 10,000 characters, written to the test output
/// and to calibration-report.md next to the test assembly.
/// </summary>
public sealed class CalibrationReportTests(ITestOutputHelper output)
{
    const int CharactersPerWarning = 2_000;

    static IEnumerable<CalibrationResult> Clean => CalibrationCorpus.All.Where(r => r.Document.Expectation == CalibrationDocument.Clean);

    [Fact]
    public void Corpus_HasAtLeastThirtyRealDocuments_OfEveryKind_EachWithItsSource()
    {
        var documents = CalibrationCorpus.Documents();

        Assert.True(documents.Count >= 30, $"{documents.Count} documents");
        Assert.All(documents, d => Assert.True(File.Exists(Path.Combine(CalibrationCorpus.Folder, d.File)), d.File));
        Assert.All(documents.Where(d => !d.File.StartsWith("../Seeds/", StringComparison.Ordinal)),
            d => Assert.StartsWith("http", d.Source, StringComparison.Ordinal));
        Assert.Superset(new HashSet<string> { "workplan", "annual-report", "notice", "announcement", "policy", "publicity", "news" },
            documents.Select(d => d.Kind).ToHashSet());
    }

    [Fact]
    public void NoCleanRealDocument_IsBlocked()
    {
        var blocks = Clean
            .SelectMany(r => r.Report.Findings.Where(f => f.Severity == Severities.Block).Select(f => $"{r.Document.File}: {f.RuleId} “{f.Excerpt}” {f.Message}"))
            .ToList();

        Assert.True(blocks.Count == 0, string.Join("\n", blocks));
    }

    [Fact]
    public void DamagedRealDocuments_AreBlockedAsGarbled()
    {
        var damaged = CalibrationCorpus.All.Where(r => r.Document.Expectation == CalibrationDocument.Damaged).ToList();

        Assert.NotEmpty(damaged);
        Assert.All(damaged, r => Assert.Contains(r.Report.Findings,
            f => f.Severity == Severities.Block && f.RuleId.StartsWith("textual.garbled", StringComparison.Ordinal)));
    }

    [Fact]
    public void CleanRealDocuments_HaveAtMostOneWarningPerTwoThousandCharacters()
    {
        int characters = Clean.Sum(r => r.Characters);
        int warnings = Clean.Sum(r => r.Report.Findings.Count(f => f.Severity == Severities.Warn));
        string report = Report();
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "calibration-report.md"), report);

        Assert.True(warnings * CharactersPerWarning <= characters,
            $"{warnings} warnings on {characters} characters: one per {characters / Math.Max(1, warnings)} characters, goal one per {CharactersPerWarning}.\n{report}");
    }

    /// <summary>The table for the README: per rule and severity, findings and occurrences per 10,000 characters of clean text.</summary>
    public static string Report()
    {
        var clean = Clean.ToList();
        int characters = clean.Sum(r => r.Characters);
        double per10K(int n) => n * 10_000.0 / characters;
        var rows = clean
            .SelectMany(r => r.Report.Findings.Select(f => (r.Document.File, Finding: f)))
            .GroupBy(x => (x.Finding.RuleId, x.Finding.Severity))
            .OrderBy(g => Severities.Rank(g.Key.Severity)).ThenBy(g => g.Key.RuleId, StringComparer.Ordinal)
            .Select(g => (g.Key.RuleId, g.Key.Severity, Findings: g.Count(), Occurrences: g.Sum(x => x.Finding.Count), Documents: g.Select(x => x.File).Distinct().Count()));
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{clean.Count} clean documents, {characters} characters checked; {CalibrationCorpus.All.Count - clean.Count} damaged documents are not counted.")
            .AppendLine()
            .AppendLine("| rule | severity | findings | per 10,000 chars | occurrences | per 10,000 chars | documents |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.RuleId} | {row.Severity} | {row.Findings} | {per10K(row.Findings):0.00} | {row.Occurrences} | {per10K(row.Occurrences):0.00} | {row.Documents} |");
        }

        int warnings = clean.Sum(r => r.Report.Findings.Count(f => f.Severity == Severities.Warn));
        int blocks = clean.Sum(r => r.Report.Findings.Count(f => f.Severity == Severities.Block));
        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Blocks on clean documents: {blocks}. Warnings: {warnings} = one per {(warnings == 0 ? characters : characters / warnings)} characters (goal: at most one per {CharactersPerWarning}).");
        return text.ToString();
    }
}
