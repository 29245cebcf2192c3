using System.Globalization;
using Publishing.Calendar;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notifications;

namespace Publishing.Supervision.Disclosure;

/// <summary>Pure rules of the disclosure deadline: which unpublished items are late or due soon, and who is told.</summary>
public static class DisclosureEvaluator
{
    /// <summary>The items late or due within <paramref name="dueSoonWorkingDays"/> working days, the most urgent first.</summary>
    public static IReadOnlyList<DisclosureDeadline> Evaluate(
        IEnumerable<DisclosureCandidate> items, DateTimeOffset now, WorkingDayCalendar calendar, int workingDays, int dueSoonWorkingDays)
    {
        DateOnly today = WorkingDayCalendar.ChinaDate(now);
        var result = new List<DisclosureDeadline>();
        foreach (var item in items)
        {
            if (item.Published || !item.Open || item.DisclosureMode is DisclosureModes.OnApplication or DisclosureModes.NotDisclosed
                || !DateOnly.TryParseExact(item.WrittenDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var written)
                || !Checks.Detectors.DisclosureDeadlineCheck.IsPlausible(written, today))
            {
                continue;
            }

            DateOnly due = calendar.AddWorkingDays(written, workingDays);
            int left = calendar.WorkingDaysBetween(today, due);
            string? state = today > due ? DisclosureStates.Late : left <= dueSoonWorkingDays ? DisclosureStates.DueSoon : null;
            if (state is not null)
            {
                result.Add(new DisclosureDeadline(item.ItemId, item.Title, item.Kind, item.SubmittedBy, written, due, left, state));
            }
        }

        return [.. result.OrderBy(d => d.DueDate).ThenBy(d => d.ItemId, StringComparer.Ordinal)];
    }

    /// <summary>One alert per item and state, to its submitter and the administrators; ids repeat on every round.</summary>
    public static IReadOnlyList<Notification> Notifications(DisclosureDeadline deadline, DateTimeOffset now)
    {
        string message = deadline.State == DisclosureStates.Late
            ? $"【主动公开超期】《{deadline.Title}》成文于 {deadline.WrittenDate:yyyy-MM-dd}，按《中华人民共和国政府信息公开条例》第二十六条应于 {deadline.DueDate:yyyy-MM-dd} 前公开，"
              + $"已超过 {-deadline.WorkingDaysLeft} 个工作日仍未发布。请尽快完成审核发布。"
            : $"【主动公开临期】《{deadline.Title}》成文于 {deadline.WrittenDate:yyyy-MM-dd}，应于 {deadline.DueDate:yyyy-MM-dd} 前公开（还剩 {deadline.WorkingDaysLeft} 个工作日）。请抓紧审核发布。";
        return new[] { Recipients.User(deadline.SubmittedBy), Recipients.Role(Roles.Admin) }
            .Where(r => r != Recipients.User(""))
            .Select(r => new Notification($"disclosure-{deadline.State}|{deadline.ItemId}|{r}", r, "disclosure-" + deadline.State, deadline.ItemId, message, now))
            .ToList();
    }
}
