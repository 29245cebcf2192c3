using System.Text.Json;
using Publishing.Audit;

namespace Publishing.Channels;

/// <summary>Every external call's outcome goes to the item's audit trail.</summary>
static class ChannelAudit
{
    public static Task AppendAsync(AuditTrail audit, TimeProvider time, ChannelPublishRequest request, ChannelResult result, string? step = null) =>
        audit.AppendAsync(request.ItemId, new AuditEvent(
            $"v{request.Version}-{request.Channel}-{step ?? "result"}-{result.State}",
            $"channel-{result.State}",
            "system",
            time.GetUtcNow(),
            null,
            request.Version,
            JsonSerializer.Serialize(new { channel = request.Channel, step, state = result.State, url = result.Url, error = result.Error })));
}
