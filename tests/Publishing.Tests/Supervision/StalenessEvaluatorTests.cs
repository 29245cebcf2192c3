using Publishing.Lifecycle;
using Publishing.Channels.Website;
using Publishing.Supervision;
using Publishing.Supervision.Staleness;
using Publishing.Tests.Channels;

namespace Publishing.Tests.Supervision;

public sealed class StalenessEvaluatorTests
{
    static readonly SupervisionOptions Options = new();
    static readonly SupervisedAccount WeChat = new() { Name = "临沂商务微信", Owner = "editor1", Channel = "wechat" };
    static readonly DateTimeOffset Published = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    static AccountStaleness At(ManualTimeProvider clock, DateTimeOffset? last = null) =>
        StalenessEvaluator.Evaluate(WeChat, last ?? Published, clock.GetUtcNow(), Options);

    [Fact]
    public void Levels_AppearAtTheConfiguredThresholds()
    {
        var clock = new ManualTimeProvider(Published);
        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal((SupervisionLevels.Ok, 6), (At(clock).Level, At(clock).Days!.Value));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((SupervisionLevels.Warning, 7), (At(clock).Level, At(clock).Days!.Value));

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(SupervisionLevels.Warning, At(clock).Level);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((SupervisionLevels.Alarm, 14), (At(clock).Level, At(clock).Days!.Value));
    }

    [Fact]
    public void EachLevel_NotifiesAdminsAndOwner_WithTheSameIdsOnEveryLaterRound()
    {
        var clock = new ManualTimeProvider(Published + TimeSpan.FromDays(7));
        var firstWarning = StalenessEvaluator.Notifications(At(clock), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(3));
        var laterWarning = StalenessEvaluator.Notifications(At(clock), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(4));
        var alarm = StalenessEvaluator.Notifications(At(clock), clock.GetUtcNow());

        Assert.Equal(["role:Admin", "user:editor1"], firstWarning.Select(n => n.Recipient));
        Assert.Equal(firstWarning.Select(n => n.Id), laterWarning.Select(n => n.Id));
        Assert.Empty(alarm.Select(n => n.Id).Intersect(firstWarning.Select(n => n.Id)));
        Assert.Contains("单项否决", alarm[0].Message);
        Assert.Contains("7 天未更新", firstWarning[0].Message);
    }

    [Fact]
    public void ANewPublication_ResetsTheAccount_AndALaterWarningIsNotifiedAgain()
    {
        var clock = new ManualTimeProvider(Published + TimeSpan.FromDays(15));
        var alarm = StalenessEvaluator.Notifications(At(clock), clock.GetUtcNow());

        DateTimeOffset republished = clock.GetUtcNow();
        Assert.Equal(SupervisionLevels.Ok, At(clock, republished).Level);
        Assert.Empty(StalenessEvaluator.Notifications(At(clock, republished), clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromDays(7));
        var warning = StalenessEvaluator.Notifications(At(clock, republished), clock.GetUtcNow());
        Assert.Equal(2, warning.Count);
        Assert.Empty(warning.Select(n => n.Id).Intersect(alarm.Select(n => n.Id)));
    }

    [Fact]
    public void LastPublication_IgnoresPreviewsUnlessConfigured_AndWebsiteColumnsCountTheirCategoryOnly()
    {
        PublicationRecord Record(string channel, ChannelState state, int day) => new("item" + day, 1, channel, state, 1, Published.AddDays(day));
        var records = new[] { Record("wechat", ChannelState.Published, 1), Record("wechat", ChannelState.Previewed, 5), Record("weibo", ChannelState.Published, 9) };

        Assert.Equal(Published.AddDays(1), StalenessEvaluator.LastPublication(WeChat, [], records, Options));
        Assert.Equal(Published.AddDays(5), StalenessEvaluator.LastPublication(WeChat, [], records, new SupervisionOptions { CountPreviewAsPublished = true }));

        var column = new SupervisedAccount { Name = "商务栏目", Channel = "website", Category = "商务" };
        SiteEntry[] site = [new() { RowKey = "a", Category = "商务", PublishedAt = Published }, new() { RowKey = "b", Category = "教育", PublishedAt = Published.AddDays(3) }];
        Assert.Equal(Published, StalenessEvaluator.LastPublication(column, site, records, Options));
    }

    [Fact]
    public void AnAccountThatNeverPublished_IsAnAlarm()
    {
        var state = StalenessEvaluator.Evaluate(WeChat, null, Published, Options);
        Assert.Equal((SupervisionLevels.Alarm, (int?)null), (state.Level, state.Days));
        Assert.Contains("尚无任何发布记录", StalenessEvaluator.Notifications(state, Published)[0].Message);
    }
}
