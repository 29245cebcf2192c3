using Microsoft.Extensions.Logging;
using Publishing.Calendar;

namespace Publishing.Tests.Calendar;

public class WorkingDayCalendarTests
{
    static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadEmbedded();

    static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // The test-vector table of Calendar/Data/README.md.
    [Theory]
    [InlineData("2026-02-12", 3, "2026-02-24")] // 02-13 Fri, 02-14 Sat make-up day, 02-15..23 春节
    [InlineData("2026-02-13", 1, "2026-02-14")] // make-up Saturday
    [InlineData("2026-09-30", 3, "2026-10-10")] // 国庆 10-01..07, 10-10 make-up Saturday
    [InlineData("2026-04-30", 3, "2026-05-08")] // 劳动节 05-01..05
    [InlineData("2026-01-05", 20, "2026-02-02")] // no holidays in range
    [InlineData("2025-01-24", 3, "2025-02-05")] // 01-26 Sun make-up day, 春节 01-28..02-04
    [InlineData("2024-09-27", 3, "2024-10-08")] // 09-29 Sun make-up day, 国庆 10-01..07
    public void AddWorkingDays_ReadmeVectors_MatchNotices(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void LoadEmbedded_HasEveryShippedYear_WithNoticeTotals()
    {
        Assert.Equal([2024, 2025, 2026], Calendar.CoveredYears.Order());
        // Totals from the README: 251 / 248 / 248 working days.
        Assert.Equal(251, Calendar.WorkingDaysBetween(D("2023-12-31"), D("2024-12-31")));
        Assert.Equal(248, Calendar.WorkingDaysBetween(D("2024-12-31"), D("2025-12-31")));
        Assert.Equal(248, Calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")));
    }

    [Fact]
    public void IsWorkingDay_MakeUpSaturday_IsWorking()
    {
        Assert.Equal(DayOfWeek.Saturday, D("2026-02-14").DayOfWeek);
        Assert.True(Calendar.IsWorkingDay(D("2026-02-14")));
        Assert.False(Calendar.IsWorkingDay(D("2026-02-21"))); // an ordinary Saturday inside 春节
    }

    [Fact]
    public void IsWorkingDay_HolidayOnAWeekday_IsNotWorking()
    {
        Assert.Equal(DayOfWeek.Thursday, D("2026-10-01").DayOfWeek);
        Assert.False(Calendar.IsWorkingDay(D("2026-10-01")));
        Assert.True(Calendar.IsWorkingDay(D("2026-10-12")));
    }

    [Fact]
    public void AddWorkingDays_ZeroDays_IsTheStartDay()
    {
        Assert.Equal(D("2026-10-01"), Calendar.AddWorkingDays(D("2026-10-01"), 0));
    }

    [Fact]
    public void WorkingDaysBetween_AcrossSpringFestival_CountsOnlyWorkingDays()
    {
        // (02-12, 02-24]: 02-13, 02-14 (make-up), 02-24.
        Assert.Equal(3, Calendar.WorkingDaysBetween(D("2026-02-12"), D("2026-02-24")));
        Assert.Equal(-3, Calendar.WorkingDaysBetween(D("2026-02-24"), D("2026-02-12")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2026-02-15"), D("2026-02-23")));
    }

    [Fact]
    public void AddWorkingDays_YearWithoutData_FallsBackToWeekdaysAndWarnsOnce()
    {
        var logger = new RecordingLogger<WorkingDayCalendar>();
        var calendar = WorkingDayCalendar.LoadEmbedded(logger);

        // 2027-01-01 is a Friday; without a 2027 notice it counts as an ordinary weekday.
        Assert.Equal(D("2027-01-04"), calendar.AddWorkingDays(D("2026-12-31"), 2));
        Assert.Equal(D("2027-01-05"), calendar.AddWorkingDays(D("2027-01-01"), 2));

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("2027", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_CoveredYears_LogNoWarning()
    {
        var logger = new RecordingLogger<WorkingDayCalendar>();
        var calendar = WorkingDayCalendar.LoadEmbedded(logger);

        calendar.AddWorkingDays(D("2024-01-01"), 700);

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void AddWorkingDays_Instant_KeepsChinaClockTimeOnDueDay()
    {
        // 2026-02-12 15:30 in Beijing is 07:30 UTC.
        var start = new DateTimeOffset(2026, 2, 12, 7, 30, 0, TimeSpan.Zero);

        var due = Calendar.AddWorkingDays(start, 3);

        Assert.Equal(new DateTimeOffset(2026, 2, 24, 15, 30, 0, TimeSpan.FromHours(8)), due);
        Assert.Equal(TimeSpan.FromHours(8), due.Offset);
    }

    [Fact]
    public void AddWorkingDays_InstantLateInUtcDay_UsesTheChinaDate()
    {
        // 2026-02-13 17:00 UTC is already Saturday 2026-02-14 01:00 in Beijing (a make-up day);
        // one working day later is Tuesday 02-24, not Saturday 02-14.
        var start = new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 2, 24, 1, 0, 0, TimeSpan.FromHours(8)), Calendar.AddWorkingDays(start, 1));
    }
}
