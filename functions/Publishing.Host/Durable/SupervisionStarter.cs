using Microsoft.DurableTask.Client;
using Publishing.Supervision;

namespace Publishing.Host.Durable;

/// <summary>Starts the eternal supervision monitors once the local engine answers; they survive restarts on their own.</summary>
sealed class SupervisionStarter(DurableTaskClient client, ILogger<SupervisionStarter> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SupervisionMonitors.EnsureRunningWithRetryAsync(client, logger, stoppingToken);
}
