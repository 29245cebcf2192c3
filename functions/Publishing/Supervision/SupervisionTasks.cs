using Microsoft.DurableTask;
using Publishing.Supervision.Columns;
using Publishing.Supervision.Disclosure;

namespace Publishing.Supervision;

/// <summary>The disclosure-deadline and column-freshness monitors, registered by <c>PublishingTasks</c> for both hosts.</summary>
public static class SupervisionTasks
{
    public static DurableTaskRegistry AddDisclosureAndColumnMonitors(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<DisclosureMonitorOrchestrator>();
        registry.AddActivity<CheckDisclosureActivity>();
        registry.AddOrchestrator<ColumnMonitorOrchestrator>();
        registry.AddActivity<CheckColumnsActivity>();
        return registry;
    }
}
