using Publishing.Calendar;

namespace Publishing.Desk;

/// <summary>How long an item has waited at its stage, in working days (State Council holiday notices).</summary>
/// <param name="WorkingDaysAtStage">Working days since the stage opened (0 on the day it opened).</param>
/// <param name="DueState">overdue | dueToday | onTime | none (no deadline).</param>
/// <param name="OverdueWorkingDays">Working days past the due date; 0 unless overdue.</param>
public sealed record StageTiming(int WorkingDaysAtStage, string DueState, int OverdueWorkingDays)
{
    public static StageTiming Compute(WorkingDayCalendar calendar, DateTimeOffset openedAt, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        int atStage = Math.Max(0, calendar.WorkingDaysBetween(openedAt, now));
        if (dueAt is not { } due)
        {
            return new StageTiming(atStage, DueStates.None, 0);
        }

        if (now > due)
        {
            return new StageTiming(atStage, DueStates.Overdue, Math.Max(0, calendar.WorkingDaysBetween(due, now)));
        }

        bool today = WorkingDayCalendar.ChinaDate(now) == WorkingDayCalendar.ChinaDate(due);
        return new StageTiming(atStage, today ? DueStates.DueToday : DueStates.OnTime, 0);
    }
}

public static class DueStates
{
    public const string Overdue = "overdue";
    public const string DueToday = "dueToday";
    public const string OnTime = "onTime";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Overdue, DueToday, OnTime, None];
}
