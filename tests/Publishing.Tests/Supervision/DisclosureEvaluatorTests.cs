using Publishing.Calendar;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notifications;
using Publishing.Supervision.Disclosure;

namespace Publishing.Tests.Supervision;

/// <summary>主动公开 deadlines (政府信息公开条例 第二十六条) of items not yet published, across the 2025 National Day holiday.</summary>
public sealed class DisclosureEvaluatorTests
{
    static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();

    // Written 2025-09-16: the 20th working day is 2025-10-20 (make-up days 09-28 and 10-11, holiday 10-01…10-08).
    static DisclosureCandidate Item(string id = "a", bool published = false, bool open = true, string? mode = DisclosureModes.Proactive, string? written = "2025-09-16") =>
        new(id, "关于做好秋季安全生产工作的通知", ItemKinds.Notice, "editor1", mode, written, published, open);

    static IReadOnlyList<DisclosureDeadline> On(string day, params DisclosureCandidate[] items) =>
        DisclosureEvaluator.Evaluate(items, new DateTimeOffset(DateOnly.Parse(day).ToDateTime(new TimeOnly(9, 0)), WorkingDayCalendar.ChinaOffset), Calendar, 20, 3);

    [Theory]
    [InlineData("2025-10-14", null, null)] // four working days left (10-15, 10-16, 10-17, 10-20)
    [InlineData("2025-10-15", DisclosureStates.DueSoon, 3)]
    [InlineData("2025-10-20", DisclosureStates.DueSoon, 0)]
    [InlineData("2025-10-21", DisclosureStates.Late, -1)]
    [InlineData("2025-10-27", DisclosureStates.Late, -5)]
    public void UnpublishedItem_IsDueSoonWithinThreeWorkingDays_AndLateAfterTheTwentiethWorkingDay(string today, string? state, int? left)
    {
        var deadline = On(today, Item()).SingleOrDefault();

        Assert.Equal((state, left), (deadline?.State, deadline?.WorkingDaysLeft));
        Assert.All(On(today, Item()), d => Assert.Equal(new DateOnly(2025, 10, 20), d.DueDate));
    }

    [Fact]
    public void PublishedWithdrawnOnApplicationOrUndatedItems_AreNotReported()
    {
        Assert.Empty(On("2025-11-30",
            Item("published", published: true), Item("withdrawn", open: false), Item("on-application", mode: DisclosureModes.OnApplication),
            Item("not-disclosed", mode: DisclosureModes.NotDisclosed), Item("undated", written: null), Item("bad-date", written: "2025年9月16日"),
            Item("year-one", written: "0001-01-01"), Item("future", written: "2031-01-01")));
    }

    [Fact]
    public void MostUrgentFirst()
    {
        var list = On("2025-10-21", Item("b", written: "2025-09-19"), Item("a"));

        Assert.Equal(["a", "b"], list.Select(d => d.ItemId));
        Assert.Equal([DisclosureStates.Late, DisclosureStates.DueSoon], list.Select(d => d.State));
    }

    [Fact]
    public void EachStateIsToldOnce_ToTheSubmitterAndTheAdministrators()
    {
        var now = DateTimeOffset.UtcNow;
        var dueSoon = DisclosureEvaluator.Notifications(On("2025-10-15", Item())[0], now);
        var dueSoonLater = DisclosureEvaluator.Notifications(On("2025-10-17", Item())[0], now.AddDays(2));
        var late = DisclosureEvaluator.Notifications(On("2025-10-21", Item())[0], now.AddDays(6));

        Assert.Equal([Recipients.User("editor1"), Recipients.Role(Roles.Admin)], dueSoon.Select(n => n.Recipient));
        Assert.Equal(dueSoon.Select(n => n.Id), dueSoonLater.Select(n => n.Id));
        Assert.Empty(late.Select(n => n.Id).Intersect(dueSoon.Select(n => n.Id)));
        Assert.Contains("2025-10-20", late[0].Message, StringComparison.Ordinal);
        Assert.Contains("第二十六条", late[0].Message, StringComparison.Ordinal);
    }
}
