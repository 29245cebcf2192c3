using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Calendar;
using Publishing.Notifications;

namespace Publishing.Supervision.Disclosure;

/// <summary>One round: evaluates every unpublished proactive item's deadline and sends each alert not sent before.</summary>
public sealed class CheckDisclosureActivity(
    SupervisionSources sources, SupervisionStore store, INotifier notifier, WorkingDayCalendar calendar,
    IOptions<SupervisionOptions> options, ILogger<CheckDisclosureActivity> logger)
    : TaskActivity<MonitorTick, MonitorRound>
{
    public override async Task<MonitorRound> RunAsync(TaskActivityContext context, MonitorTick input)
    {
        var deadlines = await DisclosureReader.ReadAsync(sources, options.Value, calendar, input.Now);
        int notified = 0;
        foreach (var notification in deadlines.SelectMany(d => DisclosureEvaluator.Notifications(d, input.Now)))
        {
            notified += await SupervisionAlerts.SendOnceAsync(store, notifier, notification) ? 1 : 0;
        }

        SupervisionLog.Round(logger, nameof(CheckDisclosureActivity), deadlines.Count, notified);
        return new MonitorRound(options.Value.DisclosurePeriod, notified);
    }
}
