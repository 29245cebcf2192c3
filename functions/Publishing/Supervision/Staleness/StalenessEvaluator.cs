using Publishing.Lifecycle;
using Publishing.Channels;
using Publishing.Channels.Website;
using Publishing.Identity;
using Publishing.Notifications;

namespace Publishing.Supervision.Staleness;

/// <summary>Pure staleness rules: when an account last published, its level, and who is told.</summary>
public static class StalenessEvaluator
{
    /// <summary>
    /// Last successful publication of <paramref name="account"/>: a website column's newest page (site entries hold only
    /// what is online), or the newest published record of the WeChat/Weibo channel.
    /// </summary>
    public static DateTimeOffset? LastPublication(
        SupervisedAccount account, IEnumerable<SiteEntry> site, IEnumerable<PublicationRecord> publications, SupervisionOptions options)
    {
        if (account.Channel == Items.Channels.Website)
        {
            return site
                .Where(e => string.IsNullOrWhiteSpace(account.Category) || e.Category == account.Category)
                .Select(e => (DateTimeOffset?)e.PublishedAt)
                .Max();
        }

        return publications
            .Where(p => p.Channel == account.Channel && options.Counts(p.State))
            .Select(p => (DateTimeOffset?)p.UpdatedAt)
            .Max();
    }

    public static AccountStaleness Evaluate(SupervisedAccount account, DateTimeOffset? lastUpdate, DateTimeOffset now, SupervisionOptions options)
    {
        // An account that never published is as stale as one can be: the inspection counts it as not updated.
        TimeSpan? elapsed = lastUpdate is { } last ? now - last : null;
        string level = elapsed is null || elapsed >= options.AlarmAfter ? SupervisionLevels.Alarm
            : elapsed >= options.WarningAfter ? SupervisionLevels.Warning
            : SupervisionLevels.Ok;
        int? days = elapsed is { } e ? Math.Max(0, (int)Math.Floor(e.TotalDays)) : null;
        return new AccountStaleness(account.Name, account.Owner, account.Channel, account.Category, lastUpdate, days, level);
    }

    /// <summary>
    /// The alerts for this state. Ids contain account, level and the last publication, so a level is told once per
    /// period of silence, and a new publication starts afresh.
    /// </summary>
    public static IReadOnlyList<Notification> Notifications(AccountStaleness state, DateTimeOffset now)
    {
        if (state.Level == SupervisionLevels.Ok)
        {
            return [];
        }

        string since = state.LastUpdate is { } last ? last.UtcDateTime.ToString("O") : "never";
        string channel = ChannelDisplay.Name(state.Channel);
        string message = state.LastUpdate is null
            ? $"【更新不及时{SupervisionLevels.DisplayName(state.Level)}】{channel}账号“{state.Name}”尚无任何发布记录。新媒体账号须至少每周更新，请尽快发布内容。"
            : $"【更新不及时{SupervisionLevels.DisplayName(state.Level)}】{channel}账号“{state.Name}”已连续 {state.Days} 天未更新（最近一次发布：{state.LastUpdate.Value.ToOffset(Calendar.WorkingDayCalendar.ChinaOffset):yyyy-MM-dd HH:mm}）。"
              + (state.Level == SupervisionLevels.Alarm ? "两周未更新属于单项否决情形，请立即更新。" : "新媒体账号须至少每周更新，请尽快发布内容。");
        var recipients = new List<string> { Recipients.Role(Roles.Admin) };
        if (!string.IsNullOrWhiteSpace(state.Owner))
        {
            recipients.Add(Recipients.User(state.Owner));
        }

        return recipients
            .Select(r => new Notification($"staleness|{state.Name}|{state.Level}|{since}|{r}", r, "staleness-" + state.Level, null, message, now))
            .ToList();
    }
}
