using Microsoft.DurableTask;

namespace Publishing.Supervision.Interpretations;

/// <summary>
/// Eternal: scans published policies every <see cref="SupervisionOptions.InterpretationPeriod"/>. One scanning monitor
/// rather than one timer per policy: nothing to start on publish, and a restart or a missed event loses nothing.
/// </summary>
public sealed class InterpretationMonitorOrchestrator : TaskOrchestrator<MonitorInput, MonitorInput>
{
    public override Task<MonitorInput> RunAsync(TaskOrchestrationContext context, MonitorInput input) =>
        MonitorLoop.RunAsync<InterpretationMonitorOrchestrator>(context, nameof(CheckInterpretationsActivity), input);
}
