using Publishing.Calendar;
using Publishing.Channels.Website;
using Publishing.Identity;
using Publishing.Notifications;

namespace Publishing.Supervision.Columns;

/// <summary>Pure column-freshness rules: the newest page of a column, its level, and who is told (once per level and period of silence).</summary>
public static class ColumnFreshnessEvaluator
{
    /// <summary>The newest page of the column; site entries hold only what is online, so a retracted page does not count.</summary>
    public static DateTimeOffset? LastPublication(SupervisedColumn column, IEnumerable<SiteEntry> site) =>
        site.Where(e => e.Kind == column.Kind && (string.IsNullOrWhiteSpace(column.Category) || e.Category == column.Category))
            .Select(e => (DateTimeOffset?)e.PublishedAt)
            .Max();

    public static ColumnFreshness Evaluate(string id, SupervisedColumn column, DateTimeOffset? last, DateTimeOffset now)
    {
        // A column without any page is as stale as one can be: the inspection counts it as not updated (空白栏目).
        DateTimeOffset? due = last is { } l ? column.DueAfter(l) : null;
        string level = due is not { } d || now >= d ? SupervisionLevels.Alarm
            : now >= d.AddDays(-column.WarnDaysBefore) ? SupervisionLevels.Warning
            : SupervisionLevels.Ok;
        int? days = last is { } t ? Math.Max(0, (int)Math.Floor((now - t).TotalDays)) : null;
        return new ColumnFreshness(id, column.Name, column.Kind, column.Category, column.Owner, column.Limit(), last, days, due, level);
    }

    /// <summary>
    /// The alerts for this state. Ids contain the column, the level and the newest page, so each level is told once per
    /// period of silence, and a new page starts afresh.
    /// </summary>
    public static IReadOnlyList<Notification> Notifications(ColumnFreshness state, DateTimeOffset now)
    {
        if (state.Level == SupervisionLevels.Ok)
        {
            return [];
        }

        string since = state.LastUpdate is { } last ? last.UtcDateTime.ToString("O") : "never";
        string title = $"【栏目更新{SupervisionLevels.DisplayName(state.Level)}】网站栏目“{state.Name}”";
        string message = state.LastUpdate is null
            ? $"{title}尚无任何内容。空白栏目按政府网站检查要求（国办秘函〔2019〕19号）属于单项否决情形，请尽快发布内容或按规定调整栏目。"
            : state.Level == SupervisionLevels.Alarm
                ? $"{title}已超过 {state.Limit} 未更新（最近一次发布：{LocalDate(state):yyyy-MM-dd}）。该类栏目超过 {state.Limit} 不更新属于单项否决情形（国办秘函〔2019〕19号），请立即更新。"
                : $"{title}已 {state.Days} 天未更新（最近一次发布：{LocalDate(state):yyyy-MM-dd}），须在 {state.DueAt!.Value.ToOffset(WorkingDayCalendar.ChinaOffset):yyyy-MM-dd HH:mm} 前更新（每 {state.Limit} 至少一次）。";
        var recipients = new List<string> { Recipients.Role(Roles.Admin) };
        if (!string.IsNullOrWhiteSpace(state.Owner))
        {
            recipients.Add(Recipients.User(state.Owner));
        }

        return recipients
            .Select(r => new Notification($"column|{state.Id}|{state.Level}|{since}|{r}", r, "column-" + state.Level, null, message, now))
            .ToList();

        static DateTimeOffset LocalDate(ColumnFreshness s) => s.LastUpdate!.Value.ToOffset(WorkingDayCalendar.ChinaOffset);
    }
}
