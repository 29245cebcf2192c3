using Publishing.Calendar;
using Publishing.Desk;

namespace Publishing.Tests.Desk;

public class StageTimingTests
{
    static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, China);

    [Fact]
    public void AcrossNationalDay_CountsOnlyWorkingDaysAtStage()
    {
        // 2025: 10-01…10-08 are holidays; the stage opened on 09-30 has waited one working day on 10-09.
        var timing = StageTiming.Compute(Calendar, At(2025, 9, 30), At(2025, 10, 9, 10), At(2025, 10, 9, 9));

        Assert.Equal(new StageTiming(1, DueStates.DueToday, 0), timing);
    }

    [Fact]
    public void PastTheDeadline_IsOverdueByWorkingDays()
    {
        // Due Thursday 10-09; on Saturday 10-11 (a 调休 working day) and Monday 10-13 it is two and three working days late.
        Assert.Equal(new StageTiming(3, DueStates.Overdue, 2), StageTiming.Compute(Calendar, At(2025, 9, 30), At(2025, 10, 9), At(2025, 10, 11, 15)));
        Assert.Equal(new StageTiming(4, DueStates.Overdue, 3), StageTiming.Compute(Calendar, At(2025, 9, 30), At(2025, 10, 9), At(2025, 10, 13, 15)));
    }

    [Fact]
    public void BeforeTheDueDay_IsOnTime_AndWithoutDeadlineSaysNone()
    {
        Assert.Equal(new StageTiming(0, DueStates.OnTime, 0), StageTiming.Compute(Calendar, At(2025, 6, 3), At(2025, 6, 4), At(2025, 6, 3, 16)));
        Assert.Equal(new StageTiming(2, DueStates.None, 0), StageTiming.Compute(Calendar, At(2025, 6, 3), null, At(2025, 6, 5)));
    }
}
