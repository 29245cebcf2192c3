using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Publishing.Supervision;

/// <summary>The shape every eternal monitor shares: one activity round, a durable timer, ContinueAsNew.</summary>
static class MonitorLoop
{
    static readonly TimeSpan FallbackPeriod = TimeSpan.FromMinutes(5);

    static readonly TaskOptions StorageRetry = Lifecycle.DurableRetries.Storage;

    public static async Task<MonitorInput> RunAsync<TOrchestrator>(TaskOrchestrationContext context, string activity, MonitorInput? input)
    {
        TimeSpan period = input?.Period ?? FallbackPeriod;
        try
        {
            MonitorRound round = await context.CallActivityAsync<MonitorRound>(activity, new MonitorTick(context.CurrentUtcDateTime), StorageRetry);
            period = round.Period;
        }
        catch (TaskFailedException e)
        {
            // A failed round must not end the monitor: try again next period.
            context.CreateReplaySafeLogger<TOrchestrator>().LogWarning("Monitor round {Activity} failed: {Error}", activity, e.FailureDetails.ErrorMessage);
        }

        await context.CreateTimer(context.CurrentUtcDateTime + period, CancellationToken.None);
        var next = new MonitorInput(period);
        context.ContinueAsNew(next, preserveUnprocessedEvents: false);
        return next;
    }
}
