using Microsoft.Extensions.Logging;

namespace Publishing.Audit;

/// <summary>
/// Copies the heads of chains that changed to append-only storage. Runs periodically (Functions timer, local host
/// background service); every run is safe to repeat, and any number of instances may run at once: an anchor
/// appended twice is the same fact twice.
/// </summary>
public sealed partial class AuditAnchorer(AuditTrail trail, AuditAnchorStore anchors, TimeProvider time, ILogger<AuditAnchorer> logger)
{
    /// <returns>How many heads were anchored.</returns>
    public async Task<int> AnchorPendingAsync(CancellationToken cancellationToken = default)
    {
        int anchored = 0;
        await foreach (var (itemId, etag) in trail.PendingAnchorsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await trail.ReadHeadAsync(itemId, cancellationToken).ConfigureAwait(false) is { Sequence: > 0 } head)
            {
                await anchors.AppendAsync(itemId, new AuditAnchor(head.Sequence, head.Hash, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                anchored++;
            }

            await trail.ClearPendingAnchorAsync(itemId, etag, cancellationToken).ConfigureAwait(false);
        }

        if (anchored > 0)
        {
            LogAnchored(logger, anchored);
        }

        return anchored;
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Anchored {Count} audit chain heads to append-only storage")]
    private static partial void LogAnchored(ILogger logger, int count);
}
