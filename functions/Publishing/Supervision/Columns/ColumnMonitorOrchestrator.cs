using Microsoft.DurableTask;

namespace Publishing.Supervision.Columns;

/// <summary>Eternal: checks the website columns' freshness every <see cref="SupervisionOptions.ColumnPeriod"/>.</summary>
public sealed class ColumnMonitorOrchestrator : TaskOrchestrator<MonitorInput, MonitorInput>
{
    public override Task<MonitorInput> RunAsync(TaskOrchestrationContext context, MonitorInput input) =>
        MonitorLoop.RunAsync<ColumnMonitorOrchestrator>(context, nameof(CheckColumnsActivity), input);
}
