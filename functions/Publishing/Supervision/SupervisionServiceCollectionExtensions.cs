using Microsoft.Extensions.DependencyInjection;
using Publishing.Supervision.Reports;

namespace Publishing.Supervision;

public static class SupervisionServiceCollectionExtensions
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<SupervisionOptions>().BindConfiguration(SupervisionOptions.Section)
            .Validate(o => o.StalenessPeriod > TimeSpan.Zero && o.InterpretationPeriod > TimeSpan.Zero && o.PatrolPeriod > TimeSpan.Zero
                    && o.WarningAfter > TimeSpan.Zero && o.AlarmAfter >= o.WarningAfter && o.InterpretationWorkingDays >= 1
                    && o.Accounts.All(a => !string.IsNullOrWhiteSpace(a.Name) && Items.Channels.All.Contains(a.Channel)),
                "Publishing:Supervision: periods must be positive, AlarmAfter ≥ WarningAfter, and every account needs a Name and a Channel (website, wechat, weibo).")
            .Validate(o => o.DisclosurePeriod > TimeSpan.Zero && o.ColumnPeriod > TimeSpan.Zero && o.DisclosureWorkingDays >= 1 && o.DisclosureDueSoonWorkingDays >= 0,
                "Publishing:Supervision: DisclosurePeriod and ColumnPeriod must be positive, DisclosureWorkingDays ≥ 1, DisclosureDueSoonWorkingDays ≥ 0.")
            .Validate(o => o.Columns.Values.All(c => !c.Enabled || (!string.IsNullOrWhiteSpace(c.Name) && Items.ItemKinds.All.Contains(c.Kind)
                    && c.Days >= 0 && c.Months >= 0 && c.Days + c.Months > 0 && c.WarnDaysBefore >= 0)),
                "Publishing:Supervision:Columns: every enabled column needs a Name, a Kind (news, policy, interpretation, notice) and a limit (Days and/or Months > 0).")
            .ValidateOnStart();
        services.AddSingleton<SupervisionSources>();
        services.AddSingleton<SupervisionStore>();
        services.AddSingleton<AnnualReportReader>();
        return services;
    }
}
