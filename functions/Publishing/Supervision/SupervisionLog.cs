using Microsoft.Extensions.Logging;

namespace Publishing.Supervision;

static partial class SupervisionLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Supervision round {Monitor}: {Evaluated} evaluated, {Notified} alerts sent")]
    public static partial void Round(ILogger logger, string monitor, int evaluated, int notified);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Supervision monitors started: {InstanceIds}")]
    public static partial void Started(ILogger logger, string instanceIds);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Could not ensure the supervision monitors run; retrying")]
    public static partial void EnsureFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Patrol skipped item {ItemId}: version {Version} is not stored")]
    public static partial void PatrolMissingVersion(ILogger logger, string itemId, int version);
}
