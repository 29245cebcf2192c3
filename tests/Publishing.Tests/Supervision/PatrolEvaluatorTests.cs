using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Items;
using Publishing.Supervision.Patrol;
using Publishing.Tests.Checks;

namespace Publishing.Tests.Supervision;

public sealed class PatrolEvaluatorTests : IDisposable
{
    readonly string rules = Path.Combine(Path.GetTempPath(), "patrol-rules-" + Guid.NewGuid().ToString("N")[..8]);

    static readonly CheckDraft Published = new(ItemKinds.News, "关于开展促消费活动的通知",
        "<p>市商务局将于五月开展消费季活动，欢迎广大市民参与。</p><p>各单位要做好组织工作。</p>",
        new ItemMetadata(DisclosureMode: DisclosureModes.Proactive), null);

    public PatrolEvaluatorTests()
    {
        Directory.CreateDirectory(rules);
        foreach (var file in Directory.GetFiles(CheckRunner.RulesFolder))
        {
            File.Copy(file, Path.Combine(rules, Path.GetFileName(file)));
        }
    }

    static CheckPipeline Pipeline(string folder) => new(new ArticleSanitizer(), RuleSetLoader.Load(folder));

    static HashSet<string> Fingerprints(IEnumerable<Finding> findings) => findings.SelectMany(PatrolEvaluator.Fingerprints).ToHashSet();

    [Fact]
    public void AnUnchangedRuleSet_ReportsNothingNew()
    {
        var before = Pipeline(rules).Run(Published).Findings;
        var again = Pipeline(rules).Run(Published).Findings;

        Assert.Empty(PatrolEvaluator.NewFindings(again, Fingerprints(before)));
    }

    [Fact]
    public void AnAddedRule_MakesTheNextPatrolReportTheAlreadyPublishedItem()
    {
        var before = Pipeline(rules).Run(Published).Findings;
        File.WriteAllText(Path.Combine(rules, "zz-admin.tsv"),
            "textual.patrol-test\ttextual\twarn\tterm\t消费季\t促消费活动季\t“{term}”应统一写作“{suggestion}”。\n");

        var after = Pipeline(rules).Run(Published).Findings;
        var fresh = PatrolEvaluator.NewFindings(after, Fingerprints(before));

        var finding = Assert.Single(fresh);
        Assert.Equal(("textual.patrol-test", "消费季"), (finding.RuleId, finding.Excerpt));
        Assert.Empty(PatrolEvaluator.NewFindings(after, Fingerprints(after)));
    }

    public void Dispose()
    {
        try { Directory.Delete(rules, recursive: true); } catch (IOException) { }
    }
}
