using Microsoft.DurableTask;

namespace Publishing.Supervision.Staleness;

/// <summary>Eternal: checks the new-media accounts every <see cref="SupervisionOptions.StalenessPeriod"/>.</summary>
public sealed class StalenessMonitorOrchestrator : TaskOrchestrator<MonitorInput, MonitorInput>
{
    public override Task<MonitorInput> RunAsync(TaskOrchestrationContext context, MonitorInput input) =>
        MonitorLoop.RunAsync<StalenessMonitorOrchestrator>(context, nameof(CheckStalenessActivity), input);
}
