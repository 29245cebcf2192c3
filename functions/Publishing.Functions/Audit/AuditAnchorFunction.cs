using Microsoft.Azure.Functions.Worker;
using Publishing.Audit;

namespace Publishing.Functions.Audit;

/// <summary>Every 5 minutes: copies changed audit chain heads to the WORM-protected anchor container.</summary>
public sealed class AuditAnchorFunction(AuditAnchorer anchorer)
{
    [Function(nameof(AuditAnchorFunction))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, FunctionContext function) =>
        anchorer.AnchorPendingAsync(function.CancellationToken);
}
