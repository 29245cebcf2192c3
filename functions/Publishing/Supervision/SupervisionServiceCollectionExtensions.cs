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
            .ValidateOnStart();
        services.AddSingleton<SupervisionSources>();
        services.AddSingleton<SupervisionStore>();
        services.AddSingleton<AnnualReportReader>();
        return services;
    }
}
