using System.Text;
using Publishing.Checks;
using Publishing.Checks.Detectors;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Tests.Checks;

/// <summary>Repeated findings of one fault are one finding with a count and every position; mechanical fixes apply in one click.</summary>
public class GroupedFindingsTests
{
    static string Seed(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Checks", "Seeds", name)).Replace("\r", "", StringComparison.Ordinal);

    [Fact]
    public void Seed000_HalfWidthPunctuation_IsOneFinding_WithItsCountEveryPositionAndItsFix()
    {
        // Before grouping this real document gave 102 findings, 100 of them the same half-width warning.
        var report = CheckRunner.Body(Seed("000_e4c832623093eabd.txt"));
        var visible = VisibleText.ForItem("关于做好政务公开工作的通知", VisibleTextExtractor.Extract(report.SanitizedHtml)).Text;

        var halfWidth = Assert.Single(report.Rule("textual.half-width-punctuation"));
        Assert.True(report.Findings.Count <= 5, string.Join("\n", report.Findings.Select(f => $"{f.RuleId} ×{f.Count}")));
        Assert.True(halfWidth.Count > 100, $"count {halfWidth.Count}");
        Assert.Equal(FindingCollector.MaxOccurrences, halfWidth.Occurrences.Count);
        Assert.Contains($"全文共 {halfWidth.Count} 处", halfWidth.Message, StringComparison.Ordinal);
        Assert.Equal((halfWidth.Start, halfWidth.Length, halfWidth.Excerpt), (halfWidth.Occurrences[0].Start, halfWidth.Occurrences[0].Length, halfWidth.Occurrences[0].Excerpt));
        Assert.All(halfWidth.Occurrences, o =>
        {
            Assert.Equal(o.Excerpt, visible.Substring(o.Start, o.Length));
            Assert.Equal("，；：（）？"[",;:()?".IndexOf(o.Excerpt[0])].ToString(), o.Replacement);
            Assert.NotNull(o.HtmlStart);
        });
        Assert.True(halfWidth.Occurrences.Zip(halfWidth.Occurrences.Skip(1)).All(p => p.First.Start < p.Second.Start), "occurrences in text order");
    }

    [Fact]
    public void HalfWidthSlipsInAFullWidthDocument_AreAWarning_AHalfWidthDocumentIsOneInfo()
    {
        var slips = CheckRunner.Body("各单位要加强领导，明确责任，落实到人，确保各项任务按期完成,做到件件有着落;事事有回音。");
        var converted = CheckRunner.Body("各单位要加强领导,明确责任,落实到人,确保各项任务按期完成。");

        var warning = Assert.Single(slips.Rule("textual.half-width-punctuation"));
        Assert.Equal((Severities.Warn, 2, "，", "；"), (warning.Severity, warning.Count, warning.Occurrences[0].Replacement, warning.Occurrences[1].Replacement));
        var info = Assert.Single(converted.Rule("textual.half-width-punctuation"));
        Assert.Equal((Severities.Info, 3), (info.Severity, info.Count));
    }

    [Fact]
    public void SameTypoThreeTimes_IsOneFinding_DifferentTyposStaySeparate()
    {
        var report = CheckRunner.Body("合理布署任务。\n再次布署检查。\n统一布署，再接再励。");

        var deployed = Assert.Single(report.Rule("textual.typo"), f => f.Excerpt == "布署");
        Assert.Equal((3, "部署"), (deployed.Count, deployed.Replacement));
        Assert.All(deployed.Occurrences, o => Assert.Equal(("布署", "部署"), (o.Excerpt, o.Replacement)));
        Assert.Single(report.Rule("textual.typo"), f => f.Excerpt == "再接再励");
    }

    [Fact]
    public void Findings_AreSortedBlocksFirst()
    {
        var report = CheckRunner.Body("合理布署任务。\n手机13800138000");

        Assert.Equal([Severities.Block, Severities.Warn], report.Findings.Select(f => f.Severity).Distinct());
    }

    [Fact]
    public void Ids_AreTheSameWheneverTheSameTextIsChecked_AndDifferPerFault()
    {
        string body = "合理布署任务，再接再励。\n手机13800138000";

        var first = CheckRunner.Body(body).Findings.Select(f => f.Id).ToList();
        var second = CheckRunner.Body(body).Findings.Select(f => f.Id).ToList();
        var moved = CheckRunner.Body("前言。\n" + body).Findings.Select(f => f.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Order(), moved.Order());
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, id => Assert.Matches("^[a-z.-]+#[0-9a-f]{12}$", id));
    }

    [Fact]
    public void ApplyingEveryReplacement_LeavesNoneOfTheFixedFindings()
    {
        // What the desk's one-click fix does: replace each occurrence's range of the checked text by its replacement.
        string body = "根据县委浮字[2018]30号文件,合理布署各项任务;做好政務公開的的工作。";
        var report = CheckRunner.Body(body, title: "通知");
        string text = VisibleText.ForItem("通知", VisibleTextExtractor.Extract(report.SanitizedHtml)).Text;

        var fixes = report.Findings.SelectMany(f => f.Occurrences).Where(o => o.Replacement is not null).OrderByDescending(o => o.Start).ToList();
        var fixedText = new StringBuilder(text);
        foreach (var o in fixes)
        {
            fixedText.Remove(o.Start, o.Length).Insert(o.Start, o.Replacement);
        }

        string[] fixedRules = ["legal.document-number-brackets", "textual.half-width-punctuation", "textual.typo", "textual.traditional-character", "textual.doubled-word"];
        Assert.All(fixedRules, rule => Assert.NotEmpty(report.Rule(rule)));
        string after = fixedText.ToString()["通知\n".Length..];
        Assert.Equal("根据县委浮字〔2018〕30号文件，合理部署各项任务；做好政务公开的工作。", after);
        Assert.Empty(CheckRunner.Body(after, title: "通知").Findings);
    }

    [Fact]
    public void FindingsStoredBeforeGrouping_StillReadAsTheirOwnSingleOccurrence()
    {
        var old = new Finding(Aspects.Textual, "textual.typo", Severities.Warn, "疑似错别字", 3, 2, "布署", "部署");

        Assert.Equal(["textual.typo|3|布署"], Publishing.Supervision.Patrol.PatrolEvaluator.Fingerprints(old));
        Assert.Equal(1, old.Count);
    }
}
