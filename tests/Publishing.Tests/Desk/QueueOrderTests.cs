using Publishing.Desk;

namespace Publishing.Tests.Desk;

public class QueueOrderTests
{
    static readonly DateTimeOffset Day = new(2025, 6, 10, 9, 0, 0, TimeSpan.FromHours(8));

    static QueueEntry Entry(string id, string dueState, int openedDaysAgo, int dueInHours) => new(
        id, "news", id, 1, "initial", null, "王编辑", 0, 0, Day.AddDays(-openedDaysAgo), Day.AddHours(dueInHours), 0, dueState, 0);

    [Fact]
    public void Urgent_PutsMostOverdueFirst_ThenDueToday_ThenNewest()
    {
        var entries = new[]
        {
            Entry("old-on-time", DueStates.OnTime, 3, 48),
            Entry("new-on-time", DueStates.OnTime, 0, 48),
            Entry("due-today", DueStates.DueToday, 1, 5),
            Entry("overdue-a-little", DueStates.Overdue, 2, -2),
            Entry("overdue-most", DueStates.Overdue, 6, -72),
        };

        var ordered = QueueOrder.Sort(entries, QueueOrder.Urgent).Select(e => e.Id);

        Assert.Equal(["overdue-most", "overdue-a-little", "due-today", "new-on-time", "old-on-time"], ordered);
    }

    [Fact]
    public void Newest_IgnoresDeadlines()
    {
        var entries = new[] { Entry("a", DueStates.Overdue, 5, -1), Entry("b", DueStates.OnTime, 0, 24) };

        Assert.Equal(["b", "a"], QueueOrder.Sort(entries, QueueOrder.Newest).Select(e => e.Id));
    }
}
