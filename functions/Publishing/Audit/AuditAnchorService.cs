using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Publishing.Audit;

/// <summary>Runs <see cref="AuditAnchorer"/> every <see cref="AuditTrailOptions.AnchorInterval"/> in a long-running host.</summary>
public sealed partial class AuditAnchorService(AuditAnchorer anchorer, IOptions<AuditTrailOptions> options, ILogger<AuditAnchorService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AnchorInterval);
        do
        {
            try
            {
                await anchorer.AnchorPendingAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Storage trouble: the markers stay, the next run anchors the same heads.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 801, Level = LogLevel.Warning, Message = "Anchoring audit chain heads failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
