namespace Publishing.Calendar;

/// <summary>
/// Chinese national working days (State Council holiday notices, with 调休 make-up days), from the data
/// files in Calendar/Data. Years without data fall back to Mon–Fri and log a warning.
/// </summary>
public sealed class WorkingDayCalendar
{
    // CONTRACT STUB — replaced by the calendar work.
    public bool IsWorkingDay(DateOnly date) => throw new NotImplementedException();

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays) => throw new NotImplementedException();

    /// <summary>Working days in (from, to]: how many working days elapsed between two instants' China dates.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => throw new NotImplementedException();
}
