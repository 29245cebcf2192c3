using Microsoft.DurableTask;

namespace Publishing.Supervision.Disclosure;

/// <summary>Eternal: scans unpublished proactive items for their disclosure deadline every <see cref="SupervisionOptions.DisclosurePeriod"/>.</summary>
public sealed class DisclosureMonitorOrchestrator : TaskOrchestrator<MonitorInput, MonitorInput>
{
    public override Task<MonitorInput> RunAsync(TaskOrchestrationContext context, MonitorInput input) =>
        MonitorLoop.RunAsync<DisclosureMonitorOrchestrator>(context, nameof(CheckDisclosureActivity), input);
}
