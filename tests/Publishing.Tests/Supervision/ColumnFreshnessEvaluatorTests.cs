using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Calendar;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Supervision;
using Publishing.Supervision.Columns;

namespace Publishing.Tests.Supervision;

public sealed class ColumnFreshnessEvaluatorTests
{
    static readonly DateTimeOffset LastPage = new(2026, 3, 2, 9, 0, 0, WorkingDayCalendar.ChinaOffset);

    static SupervisedColumn Column(string kind) => SupervisedColumn.Defaults().Values.Single(c => c.Kind == kind);

    [Theory]
    // 工作动态: 14 days, warned 3 days before.
    [InlineData(ItemKinds.News, 10, SupervisionLevels.Ok)]
    [InlineData(ItemKinds.News, 11, SupervisionLevels.Warning)]
    [InlineData(ItemKinds.News, 14, SupervisionLevels.Alarm)]
    // 通知公告: six calendar months (2026-09-02), warned 14 days before.
    [InlineData(ItemKinds.Notice, 169, SupervisionLevels.Ok)] // 2026-08-18
    [InlineData(ItemKinds.Notice, 170, SupervisionLevels.Warning)] // 2026-08-19
    [InlineData(ItemKinds.Notice, 184, SupervisionLevels.Alarm)] // 2026-09-02
    public void DefaultColumns_FollowTheInspectionLimits(string kind, int daysLater, string level)
    {
        var state = ColumnFreshnessEvaluator.Evaluate(kind, Column(kind), LastPage, LastPage.AddDays(daysLater));

        Assert.Equal(level, state.Level);
    }

    [Fact]
    public void ColumnWithoutAnyPage_IsAnAlarm()
    {
        var state = ColumnFreshnessEvaluator.Evaluate("policy", Column(ItemKinds.Policy), null, LastPage);

        Assert.Equal((SupervisionLevels.Alarm, null), (state.Level, state.DueAt));
        Assert.Contains("尚无任何内容", Assert.Single(ColumnFreshnessEvaluator.Notifications(state, LastPage)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LastPublication_IsTheNewestPageOfTheColumnsKindAndCategory()
    {
        var site = new[]
        {
            new SiteEntry { RowKey = "a", Kind = ItemKinds.News, Category = "商务", PublishedAt = LastPage },
            new SiteEntry { RowKey = "b", Kind = ItemKinds.News, Category = "交通", PublishedAt = LastPage.AddDays(3) },
            new SiteEntry { RowKey = "c", Kind = ItemKinds.Policy, Category = "商务", PublishedAt = LastPage.AddDays(5) },
        };

        Assert.Equal(LastPage.AddDays(3), ColumnFreshnessEvaluator.LastPublication(Column(ItemKinds.News), site));
        Assert.Equal(LastPage, ColumnFreshnessEvaluator.LastPublication(new SupervisedColumn { Name = "商务动态", Kind = ItemKinds.News, Category = "商务", Days = 14 }, site));
        Assert.Null(ColumnFreshnessEvaluator.LastPublication(Column(ItemKinds.Notice), site));
    }

    [Fact]
    public void EachLevelHasStableIds_AndANewPageStartsAfresh()
    {
        var column = new SupervisedColumn { Name = "工作动态", Kind = ItemKinds.News, Days = 14, Owner = "editor2" };
        var warning = ColumnFreshnessEvaluator.Notifications(ColumnFreshnessEvaluator.Evaluate("news", column, LastPage, LastPage.AddDays(11)), LastPage.AddDays(11));
        var warningNextDay = ColumnFreshnessEvaluator.Notifications(ColumnFreshnessEvaluator.Evaluate("news", column, LastPage, LastPage.AddDays(12)), LastPage.AddDays(12));
        var alarm = ColumnFreshnessEvaluator.Notifications(ColumnFreshnessEvaluator.Evaluate("news", column, LastPage, LastPage.AddDays(15)), LastPage.AddDays(15));
        var afterNewPage = ColumnFreshnessEvaluator.Notifications(ColumnFreshnessEvaluator.Evaluate("news", column, LastPage.AddDays(16), LastPage.AddDays(27)), LastPage.AddDays(27));

        Assert.Equal(["role:Admin", "user:editor2"], warning.Select(n => n.Recipient));
        Assert.Equal(warning.Select(n => n.Id), warningNextDay.Select(n => n.Id));
        Assert.Empty(alarm.Select(n => n.Id).Intersect(warning.Select(n => n.Id)));
        Assert.Empty(afterNewPage.Select(n => n.Id).Intersect(warning.Select(n => n.Id)));
        Assert.Contains("单项否决", alarm[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_ChangeADefault_AddAColumn_AndSwitchOneOff()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Publishing:Supervision:Columns:news:Days"] = "7",
                ["Publishing:Supervision:Columns:notice:Enabled"] = "false",
                ["Publishing:Supervision:Columns:shangwu:Name"] = "商务动态",
                ["Publishing:Supervision:Columns:shangwu:Kind"] = "news",
                ["Publishing:Supervision:Columns:shangwu:Category"] = "商务",
                ["Publishing:Supervision:Columns:shangwu:Days"] = "14",
            }).Build())
            .AddSupervision()
            .BuildServiceProvider();

        var columns = services.GetRequiredService<IOptions<SupervisionOptions>>().Value.Columns;

        Assert.Equal(("工作动态", 7), (columns["news"].Name, columns["news"].Days));
        Assert.False(columns["notice"].Enabled);
        Assert.Equal(6, columns["policy"].Months);
        Assert.Equal(("商务动态", "商务"), (columns["shangwu"].Name, columns["shangwu"].Category));
    }

    [Fact]
    public void ColumnWithoutALimit_FailsValidation()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Publishing:Supervision:Columns:bad:Name"] = "无限期栏目",
                ["Publishing:Supervision:Columns:bad:Kind"] = "news",
            }).Build())
            .AddSupervision()
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SupervisionOptions>>().Value);
        Assert.Contains("Columns", error.Message, StringComparison.Ordinal);
    }
}
