using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Publishing.Supervision.Columns;
using Publishing.Supervision.Disclosure;
using Publishing.Supervision.Interpretations;
using Publishing.Supervision.Patrol;
using Publishing.Supervision.Staleness;

namespace Publishing.Supervision;

/// <summary>Starts the eternal monitors when they are not running. Both hosts call this; it is the only start logic.</summary>
public static class SupervisionMonitors
{
    public static readonly IReadOnlyList<(string InstanceId, string Orchestrator)> All =
    [
        ("supervision-staleness", nameof(StalenessMonitorOrchestrator)),
        ("supervision-interpretations", nameof(InterpretationMonitorOrchestrator)),
        ("supervision-patrol", nameof(PatrolMonitorOrchestrator)),
        ("supervision-disclosure", nameof(DisclosureMonitorOrchestrator)),
        ("supervision-columns", nameof(ColumnMonitorOrchestrator)),
    ];

    /// <returns>The instance ids that had to be (re)started.</returns>
    public static async Task<IReadOnlyList<string>> EnsureRunningAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var started = new List<string>();
        foreach (var (instanceId, orchestrator) in All)
        {
            OrchestrationMetadata? existing = await client.GetInstanceAsync(instanceId, cancellationToken);
            if (existing is not null && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed
                    or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
            {
                continue;
            }

            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new MonitorInput(null),
                    new StartOrchestrationOptions(instanceId), cancellationToken);
                started.Add(instanceId);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Another host instance may have started it between the read and the schedule; anything else is a failure.
                if (await client.GetInstanceAsync(instanceId, cancellationToken) is not ({ IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending }))
                {
                    throw;
                }
            }
        }

        return started;
    }

    /// <summary>For a host starting up: retries until the durable backend answers (the local sidecar starts with the host).</summary>
    public static async Task EnsureRunningWithRetryAsync(DurableTaskClient client, ILogger logger, CancellationToken cancellationToken)
    {
        for (int attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var started = await EnsureRunningAsync(client, cancellationToken);
                SupervisionLog.Started(logger, string.Join(", ", started));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SupervisionLog.EnsureFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), cancellationToken);
            }
        }
    }
}
