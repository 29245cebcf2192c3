using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Publishing.Calendar;

/// <summary>
/// Chinese national working days (State Council holiday notices, with 调休 make-up days), from the data
/// files in Calendar/Data. Years without data fall back to Mon–Fri and log a warning.
/// </summary>
public sealed partial class WorkingDayCalendar
{
    /// <summary>China Standard Time. A fixed offset: China has no daylight saving, so no tz database is needed.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    const string ResourcePrefix = "Publishing.Calendar.Data.";

    readonly HashSet<int> _coveredYears = [];
    readonly HashSet<DateOnly> _holidays = [];
    readonly HashSet<DateOnly> _workdays = [];
    readonly ConcurrentDictionary<int, bool> _warnedYears = new();
    readonly ILogger<WorkingDayCalendar> _logger;

    public WorkingDayCalendar(IEnumerable<CalendarYear> years, ILogger<WorkingDayCalendar> logger)
    {
        ArgumentNullException.ThrowIfNull(years);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        foreach (var year in years)
        {
            if (!_coveredYears.Add(year.Year))
            {
                throw new ArgumentException($"Calendar year {year.Year} is given twice.", nameof(years));
            }

            // Keyed by the date itself: a notice for Y+1 may change days at the end of December Y.
            _holidays.UnionWith(year.Holidays);
            foreach (var day in year.Workdays)
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    throw new ArgumentException($"Calendar {year.Year}: make-up workday {day:yyyy-MM-dd} is not a weekend day.", nameof(years));
                }

                _workdays.Add(day);
            }
        }
    }

    /// <summary>Years that have notice data.</summary>
    public IReadOnlyCollection<int> CoveredYears => _coveredYears;

    /// <summary>Loads the notices embedded in this assembly (Calendar/Data/YYYY.json).</summary>
    public static WorkingDayCalendar LoadEmbedded(ILogger<WorkingDayCalendar>? logger = null)
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        var years = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => ReadYear(assembly, name))
            .ToList();
        return new WorkingDayCalendar(years, logger ?? NullLogger<WorkingDayCalendar>.Instance);
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_workdays.Contains(date))
        {
            return true;
        }

        if (_holidays.Contains(date))
        {
            return false;
        }

        if (!_coveredYears.Contains(date.Year) && _warnedYears.TryAdd(date.Year, true))
        {
            // The product asks for a Mon–Fri fallback rather than refusing; the warning says the result is unverified.
            LogYearNotCovered(_logger, date.Year);
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (int counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// A review deadline: the same China Standard Time clock time on the <paramref name="workingDays"/>-th working day
    /// after <paramref name="start"/>'s China date. The result carries the +08:00 offset.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays)
    {
        var local = start.ToOffset(ChinaOffset);
        var dueDate = AddWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays);
        return new DateTimeOffset(dueDate.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), ChinaOffset);
    }

    /// <summary>Working days in (from, to]: how many working days elapsed between two instants' China dates.</summary>
    /// <returns>Negative when <paramref name="to"/> is before <paramref name="from"/>.</returns>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        int count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Working days between two instants, compared by their China dates.</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        WorkingDaysBetween(ChinaDate(from), ChinaDate(to));

    /// <summary>The calendar date in China of an instant.</summary>
    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    static CalendarYear ReadYear(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded calendar resource {resourceName} is missing.");
        return JsonSerializer.Deserialize<CalendarYear>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"Embedded calendar resource {resourceName} is empty.");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "No holiday notice data for {Year}: working days fall back to Monday–Friday and are unverified. Add Calendar/Data/{Year}.json.")]
    private static partial void LogYearNotCovered(ILogger logger, int year);
}
