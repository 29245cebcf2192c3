namespace Publishing.Calendar;

/// <summary>
/// One year's State Council holiday notice (《国务院办公厅关于YYYY年部分节假日安排的通知》), as in Calendar/Data/YYYY.json.
/// </summary>
/// <param name="Holidays">Days off granted by the notice, including swapped (调休) days and weekends inside a holiday.</param>
/// <param name="Workdays">Saturdays and Sundays the notice turns into working days (调休上班).</param>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays);
