using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Calendar;
using Publishing.Notifications;

namespace Publishing.Supervision.Interpretations;

/// <summary>One round: evaluates every published policy's deadline and alerts each overdue one once.</summary>
public sealed class CheckInterpretationsActivity(
    SupervisionSources sources, SupervisionStore store, INotifier notifier, WorkingDayCalendar calendar,
    IOptions<SupervisionOptions> options, ILogger<CheckInterpretationsActivity> logger)
    : TaskActivity<MonitorTick, MonitorRound>
{
    public override async Task<MonitorRound> RunAsync(TaskActivityContext context, MonitorTick input)
    {
        var deadlines = await InterpretationReader.ReadAsync(sources, options.Value, calendar, input.Now);
        int notified = 0;
        foreach (var notification in deadlines.SelectMany(d => InterpretationEvaluator.Notifications(d, input.Now)))
        {
            notified += await SupervisionAlerts.SendOnceAsync(store, notifier, notification) ? 1 : 0;
        }

        SupervisionLog.Round(logger, nameof(CheckInterpretationsActivity), deadlines.Count, notified);
        return new MonitorRound(options.Value.InterpretationPeriod, notified);
    }
}
