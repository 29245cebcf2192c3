using Publishing.Calendar;
using Publishing.Supervision.Interpretations;

namespace Publishing.Tests.Supervision;

public sealed class InterpretationEvaluatorTests
{
    static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();
    static readonly TimeSpan China = TimeSpan.FromHours(8);
    // The day before the 2026 National Day holiday (Oct 1–7); Saturday Oct 10 is a make-up working day.
    static readonly PublishedItem Policy = new("p1", "policy", "关于促进消费的若干政策措施", "editor1", new(2026, 9, 30, 16, 0, 0, China));

    static IReadOnlyList<InterpretationDeadline> At(DateTimeOffset now, params PublishedItem[] items) =>
        InterpretationEvaluator.Evaluate(items, now, Calendar, 3);

    [Fact]
    public void APolicyWithoutInterpretation_IsDueThreeWorkingDaysLater_AcrossTheHoliday_ThenOverdue()
    {
        var onDueDay = Assert.Single(At(new(2026, 10, 10, 23, 59, 0, China), Policy));
        Assert.Equal(new DateOnly(2026, 10, 10), onDueDay.DueDate);
        Assert.Equal(InterpretationStates.Pending, onDueDay.State);
        Assert.Empty(InterpretationEvaluator.Notifications(onDueDay, DateTimeOffset.UnixEpoch));

        var dayAfter = Assert.Single(At(new(2026, 10, 11, 0, 1, 0, China), Policy));
        Assert.Equal(InterpretationStates.Overdue, dayAfter.State);
        var alerts = InterpretationEvaluator.Notifications(dayAfter, DateTimeOffset.UnixEpoch);
        Assert.Equal(["user:editor1", "role:Admin"], alerts.Select(a => a.Recipient));
        Assert.Contains("2026-10-10", alerts[0].Message);
    }

    [Fact]
    public void PublishingTheInterpretation_MovesThePolicyToDone()
    {
        var interpretation = new PublishedItem("i1", "interpretation", "解读", "editor2", new(2026, 10, 12, 9, 0, 0, China), InterpretsItemId: "p1");
        var done = Assert.Single(At(new(2026, 10, 13, 9, 0, 0, China), Policy, interpretation));

        Assert.Equal((InterpretationStates.Done, "i1", false), (done.State, done.InterpretationId, done.OnTime!.Value));
        Assert.Empty(InterpretationEvaluator.Notifications(done, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void APolicySubmittedAsNotRequiringInterpretation_HasNoDeadline()
    {
        Assert.Empty(At(new(2026, 12, 1, 0, 0, 0, China), Policy with { RequiresInterpretation = false }));
    }
}
