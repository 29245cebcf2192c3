using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Notifications;

namespace Publishing.Supervision.Columns;

/// <summary>One column-freshness round: evaluates every column and sends each alert not sent before.</summary>
public sealed class CheckColumnsActivity(
    SupervisionSources sources, SupervisionStore store, INotifier notifier, IOptions<SupervisionOptions> options,
    ILogger<CheckColumnsActivity> logger)
    : TaskActivity<MonitorTick, MonitorRound>
{
    public override async Task<MonitorRound> RunAsync(TaskActivityContext context, MonitorTick input)
    {
        var states = await ColumnFreshnessReader.ReadAsync(sources, options.Value, input.Now);
        int notified = 0;
        foreach (var notification in states.SelectMany(s => ColumnFreshnessEvaluator.Notifications(s, input.Now)))
        {
            notified += await SupervisionAlerts.SendOnceAsync(store, notifier, notification) ? 1 : 0;
        }

        SupervisionLog.Round(logger, nameof(CheckColumnsActivity), states.Count, notified);
        return new MonitorRound(options.Value.ColumnPeriod, notified);
    }
}
