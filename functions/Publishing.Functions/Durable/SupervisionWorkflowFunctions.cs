using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Supervision;
using Publishing.Supervision.Interpretations;
using Publishing.Supervision.Patrol;
using Publishing.Supervision.Staleness;

namespace Publishing.Functions.Durable;

/// <summary>Hand-written <c>[Function]</c> wrappers of the supervision monitors.</summary>
public static class SupervisionWorkflowFunctions
{
    [Function(nameof(StalenessMonitorOrchestrator))]
    public static Task<MonitorInput> StalenessMonitorOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new StalenessMonitorOrchestrator().RunAsync(context, context.GetInput<MonitorInput>()!);

    [Function(nameof(InterpretationMonitorOrchestrator))]
    public static Task<MonitorInput> InterpretationMonitorOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new InterpretationMonitorOrchestrator().RunAsync(context, context.GetInput<MonitorInput>()!);

    [Function(nameof(PatrolMonitorOrchestrator))]
    public static Task<MonitorInput> PatrolMonitorOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PatrolMonitorOrchestrator().RunAsync(context, context.GetInput<MonitorInput>()!);

    [Function(nameof(CheckStalenessActivity))]
    public static Task<MonitorRound> CheckStaleness([ActivityTrigger] MonitorTick input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<CheckStalenessActivity, MonitorTick, MonitorRound>(function, instanceId, input);

    [Function(nameof(CheckInterpretationsActivity))]
    public static Task<MonitorRound> CheckInterpretations([ActivityTrigger] MonitorTick input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<CheckInterpretationsActivity, MonitorTick, MonitorRound>(function, instanceId, input);

    [Function(nameof(RunPatrolActivity))]
    public static Task<MonitorRound> RunPatrol([ActivityTrigger] MonitorTick input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<RunPatrolActivity, MonitorTick, MonitorRound>(function, instanceId, input);
}
