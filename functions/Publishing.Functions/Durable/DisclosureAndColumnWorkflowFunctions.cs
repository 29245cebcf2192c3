using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Supervision;
using Publishing.Supervision.Columns;
using Publishing.Supervision.Disclosure;

namespace Publishing.Functions.Durable;

/// <summary>Hand-written <c>[Function]</c> wrappers of the disclosure-deadline and column-freshness monitors.</summary>
public static class DisclosureAndColumnWorkflowFunctions
{
    [Function(nameof(DisclosureMonitorOrchestrator))]
    public static Task<MonitorInput> DisclosureMonitorOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DisclosureMonitorOrchestrator().RunAsync(context, context.GetInput<MonitorInput>()!);

    [Function(nameof(ColumnMonitorOrchestrator))]
    public static Task<MonitorInput> ColumnMonitorOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ColumnMonitorOrchestrator().RunAsync(context, context.GetInput<MonitorInput>()!);

    [Function(nameof(CheckDisclosureActivity))]
    public static Task<MonitorRound> CheckDisclosure([ActivityTrigger] MonitorTick input, FunctionContext function) =>
        ActivityRunner.RunAsync<CheckDisclosureActivity, MonitorTick, MonitorRound>(function, input);

    [Function(nameof(CheckColumnsActivity))]
    public static Task<MonitorRound> CheckColumns([ActivityTrigger] MonitorTick input, FunctionContext function) =>
        ActivityRunner.RunAsync<CheckColumnsActivity, MonitorTick, MonitorRound>(function, input);
}
