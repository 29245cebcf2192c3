using Microsoft.DurableTask;

namespace Publishing.Supervision.Patrol;

/// <summary>Eternal: the expression patrol every <see cref="SupervisionOptions.PatrolPeriod"/>.</summary>
public sealed class PatrolMonitorOrchestrator : TaskOrchestrator<MonitorInput, MonitorInput>
{
    public override Task<MonitorInput> RunAsync(TaskOrchestrationContext context, MonitorInput input) =>
        MonitorLoop.RunAsync<PatrolMonitorOrchestrator>(context, nameof(RunPatrolActivity), input);
}
