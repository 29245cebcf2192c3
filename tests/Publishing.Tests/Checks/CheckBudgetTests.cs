using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Tests.Checks;

public class CheckBudgetTests
{
    /// <summary>A clock that moves a fixed step every time it is read, so "the checks took too long" is deterministic.</summary>
    sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }

    static CheckReport Run(TimeProvider clock, TimeSpan budget, string body) =>
        new CheckPipeline(new ArticleSanitizer(), RuleSetLoader.Load(CheckRunner.RulesFolder), clock, budget)
            .Run(new CheckDraft(ItemKinds.News, "关于做好政务公开工作的通知", CheckRunner.Paragraphs(body), new ItemMetadata(DisclosureMode: DisclosureModes.Proactive), null));

    [Fact]
    public void Run_BudgetRunsOut_ReportsABlockingIncompleteFindingNamingTheChecksNotRun()
    {
        // Each clock read costs one second: the budget of three seconds ends after the first few checks.
        var report = Run(new SteppingClock(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(3), "联系电话13800138000。");

        Assert.False(report.Complete);
        var incomplete = Assert.Single(report.Rule(CheckPipeline.IncompleteRuleId));
        Assert.Equal(Severities.Block, incomplete.Severity);
        Assert.Contains("不能通过", incomplete.Message, StringComparison.Ordinal);
        Assert.Contains("公开属性与文号", incomplete.Message, StringComparison.Ordinal);
        Assert.Equal("关于做好政务公开工作的通知", incomplete.Excerpt);
    }

    [Fact]
    public void Run_BudgetRunsOutWhileSanitizing_StoresTheTextAndSkipsNoFindingSilently()
    {
        var body = string.Concat(Enumerable.Repeat("第一段正文。\n", 2000));

        var report = Run(new SteppingClock(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1), body);

        Assert.False(report.Complete);
        Assert.Single(report.Rule(CheckPipeline.IncompleteRuleId));
        Assert.Contains("第一段正文。", report.SanitizedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithinBudget_IsComplete()
    {
        var report = Run(new SteppingClock(TimeSpan.FromMilliseconds(1)), TimeSpan.FromSeconds(5), "联系电话13800138000。");

        Assert.True(report.Complete);
        Assert.Empty(report.Rule(CheckPipeline.IncompleteRuleId));
        Assert.Single(report.Rule("confidentiality.personal-data.mobile"));
    }
}
