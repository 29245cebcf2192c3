using System.Text;
using Publishing.Calendar;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Supervision;
using Publishing.Supervision.Reports;

namespace Publishing.Tests.Supervision;

public sealed class AnnualReportTests
{
    static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();
    static readonly TimeSpan China = TimeSpan.FromHours(8);
    static readonly ReviewAspects AllPassed = new(true, true, true, true);

    static DateTimeOffset T(int month, int day, int hour = 10, int year = 2025) => new(year, month, day, hour, 0, 0, China);

    static ReviewRecord Decision(string stage, string decision, DateTimeOffset at, int version = 1) =>
        new(stage, decision, AllPassed, null, "r", "r", at, version, Guid.NewGuid().ToString("N"));

    static ReportItem Item(string id, string kind, ItemStatus status, ReportPublication[] publications, ReviewRecord[]? reviews = null, StageOpening[]? openings = null) =>
        new(id, kind, status, publications, reviews ?? [], openings ?? []);

    /// <summary>A year of items: published, partially published, retracted, returned, and neighbours in 2024/2026.</summary>
    static readonly ReportItem[] Seed =
    [
        // Policy on all three channels; reviewed Mon 2025-03-03 → decisions 03-04, 03-05, 03-07 (1, 1, 2 working days).
        Item("p1", "policy", ItemStatus.Published,
            [new("website", ChannelState.Published, T(3, 7, 12)), new("wechat", ChannelState.Published, T(3, 7, 12)), new("weibo", ChannelState.Published, T(3, 7, 13))],
            [Decision("initial", "approve", T(3, 4)), Decision("second", "approve", T(3, 5)), Decision("final", "approve", T(3, 7))],
            [new("initial", 1, T(3, 3)), new("second", 1, T(3, 4)), new("final", 1, T(3, 5))]),
        // Interpretation: returned once at 初审 (v1), then passed (v2).
        Item("i1", "interpretation", ItemStatus.Published,
            [new("website", ChannelState.Published, T(3, 12))],
            [Decision("initial", "reject", T(3, 10), 1), Decision("initial", "approve", T(3, 11), 2), Decision("second", "approve", T(3, 11, 15), 2), Decision("final", "approve", T(3, 12), 2)],
            [new("initial", 1, T(3, 7)), new("initial", 2, T(3, 10, 15)), new("second", 2, T(3, 11)), new("final", 2, T(3, 11, 15))]),
        // News: website published, WeChat failed, Weibo only previewed (not a real publication).
        Item("n1", "news", ItemStatus.PartiallyPublished,
            [new("website", ChannelState.Published, T(6, 1)), new("wechat", ChannelState.Failed, T(6, 1)), new("weibo", ChannelState.Previewed, T(6, 1))]),
        // Published at 2025-12-31 23:30 China time (15:30 UTC): belongs to 2025.
        Item("n2", "notice", ItemStatus.Published, [new("website", ChannelState.Published, new DateTimeOffset(2025, 12, 31, 15, 30, 0, TimeSpan.Zero))]),
        // Published 2026-01-01 00:30 China time (2025-12-31 16:30 UTC): belongs to 2026.
        Item("n3", "news", ItemStatus.Published, [new("weibo", ChannelState.Published, new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero))]),
        // Retracted in 2025.
        Item("r1", "news", ItemStatus.Retracted, [new("website", ChannelState.Retracted, T(9, 1)), new("wechat", ChannelState.Retracted, T(9, 1))]),
        // Returned and withdrawn, never published.
        Item("w1", "news", ItemStatus.Withdrawn, [], [Decision("initial", "reject", T(4, 2))], [new("initial", 1, T(4, 1))]),
        // Published in 2024 only.
        Item("old", "policy", ItemStatus.Published, [new("website", ChannelState.Published, T(5, 5, year: 2024))], [Decision("initial", "approve", T(5, 1, year: 2024))]),
    ];

    static AnnualReport Report2025() => AnnualReportCalculator.Compute(2025, Seed, Calendar, new SupervisionOptions().Counts);

    [Fact]
    public void TheFigures_OverASeededYear_AreExactlyRight()
    {
        var report = Report2025();

        Assert.Equal(4, report.ItemsDisclosed); // p1, i1, n1, n2
        Assert.Equal(new Dictionary<string, int> { ["website"] = 4, ["wechat"] = 1, ["weibo"] = 1 }, report.ByChannel);
        Assert.Equal(new Dictionary<string, int> { ["news"] = 1, ["policy"] = 1, ["interpretation"] = 1, ["notice"] = 1 }, report.ByKind);
        Assert.Equal((1, 1, 1), (report.PolicyDocuments, report.Interpretations, report.Retractions));
        Assert.Equal(3, report.Reviews.ItemsReviewed); // p1, i1, w1
        Assert.Equal(2, report.Reviews.ReturnedForRevision);
        // 初审: p1 1, i1 v1 1 (Fri→Mon), i1 v2 1, w1 1 → 1.00; 复审: p1 1, i1 0 → 0.5; 终审: p1 2, i1 1 → 1.5.
        Assert.Equal([("initial", 4, 1.0), ("second", 2, 0.5), ("final", 2, 1.5)],
            report.Reviews.Stages.Select(s => (s.Stage, s.Decisions, s.MeanWorkingDays)));
    }

    [Fact]
    public void TheYearBoundary_IsMidnightInChina()
    {
        var report2026 = AnnualReportCalculator.Compute(2026, Seed, Calendar, new SupervisionOptions().Counts);
        Assert.Equal(1, report2026.ItemsDisclosed);
        Assert.Equal(1, report2026.ByChannel["weibo"]);
    }

    [Fact]
    public void TheCsv_StartsWithABom_AndCarriesTheSameNumbers()
    {
        var report = Report2025();
        byte[] csv = AnnualReportCsv.Render(report);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("年度,指标,项目,数值", lines[0]);
        var values = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[1], f[2]), f => f[3]);
        Assert.Equal("4", values[("主动公开信息总数", "")]);
        Assert.Equal("4", values[("按发布渠道", ChannelDisplay.Name("website"))]);
        Assert.Equal("1", values[("按发布渠道", "政务微博")]);
        Assert.Equal("1", values[("按发布渠道", "政务微信")]);
        Assert.Equal("1", values[("政策文件发布数", "")]);
        Assert.Equal("1", values[("政策解读发布数", "")]);
        Assert.Equal("1", values[("撤回信息数", "")]);
        Assert.Equal("3", values[("审核稿件数", "")]);
        Assert.Equal("2", values[("退回修改次数", "")]);
        Assert.Equal("1.50", values[("平均审核用时（工作日）", ReviewStages.DisplayName("final"))]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2025,", l));
    }
}
