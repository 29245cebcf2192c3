using Microsoft.Extensions.Logging;

namespace Publishing.Lifecycle;

/// <summary>Log messages of the lifecycle kernel (one line per execution, so re-runs are visible in the log).</summary>
static partial class LifecycleLog
{
    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Recorded {Action} event {EventId} of item {ItemId}")]
    public static partial void Recorded(ILogger logger, string action, string eventId, string itemId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Item {ItemId} v{Version} is now {Status}")]
    public static partial void StatusSet(ILogger logger, string itemId, int version, string status);
}
