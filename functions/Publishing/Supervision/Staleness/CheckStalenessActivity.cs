using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Notifications;

namespace Publishing.Supervision.Staleness;

/// <summary>One staleness round: evaluates every account and sends each alert not sent before.</summary>
public sealed class CheckStalenessActivity(
    SupervisionSources sources, SupervisionStore store, INotifier notifier, IOptions<SupervisionOptions> options,
    ILogger<CheckStalenessActivity> logger)
    : TaskActivity<MonitorTick, MonitorRound>
{
    public override async Task<MonitorRound> RunAsync(TaskActivityContext context, MonitorTick input)
    {
        var states = await StalenessReader.ReadAsync(sources, options.Value, input.Now);
        int notified = 0;
        foreach (var notification in states.SelectMany(s => StalenessEvaluator.Notifications(s, input.Now)))
        {
            notified += await SupervisionAlerts.SendOnceAsync(store, notifier, notification) ? 1 : 0;
        }

        SupervisionLog.Round(logger, nameof(CheckStalenessActivity), states.Count, notified);
        return new MonitorRound(options.Value.StalenessPeriod, notified);
    }
}
