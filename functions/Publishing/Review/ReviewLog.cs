using Microsoft.Extensions.Logging;

namespace Publishing.Review;

/// <summary>Log messages of the review activities (one line per execution, so re-runs are visible in the log).</summary>
static partial class ReviewLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Checked item {ItemId} v{Version}: {Block} block, {Warn} warn, {Info} info findings")]
    public static partial void Checked(ILogger logger, string itemId, int version, int block, int warn, int info);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Recorded {Action} event {EventId} of item {ItemId}")]
    public static partial void Recorded(ILogger logger, string action, string eventId, string itemId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Approved item {ItemId} v{Version} with content hash {ContentHash}")]
    public static partial void Approved(ILogger logger, string itemId, int version, string contentHash);
}
