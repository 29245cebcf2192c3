using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Publishing.Supervision;

namespace Publishing.Functions.Durable;

/// <summary>Only makes sure the eternal monitors run (e.g. after a task hub reset); the monitors keep their own time.</summary>
public static class SupervisionStarter
{
    [Function(nameof(SupervisionStarter))]
    public static Task EnsureMonitors(
        [TimerTrigger("0 */15 * * * *", RunOnStartup = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        FunctionContext function) =>
        SupervisionMonitors.EnsureRunningAsync(durable, function.CancellationToken);
}
