using System.Text.Json;
using Publishing.Audit;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Every external call's outcome goes to the item's audit trail.</summary>
static class ChannelAudit
{
    /// <summary>
    /// The id names the attempt (publishing) or round (retraction), so a replay of the same step is stored once while
    /// every new attempt, failed or not, gets its own entry.
    /// </summary>
    public static Task AppendAsync(AuditTrail audit, TimeProvider time, ChannelPublishRequest request, string step, int attempt,
        ChannelState? state, string? url, string? error, string actor = "system") =>
        audit.AppendAsync(request.ItemId, new AuditEvent(
            $"v{request.Version}-{request.Channel}-{step}-a{attempt}-{state?.ToApi() ?? "step"}",
            state is { } s ? AuditActions.Channel(s) : $"channel-{step}",
            actor,
            time.GetUtcNow(),
            null,
            request.Version,
            JsonSerializer.Serialize(new { channel = request.Channel, step, attempt, state = state?.ToApi(), url, error })));
}
