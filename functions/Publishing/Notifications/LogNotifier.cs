using Microsoft.Extensions.Logging;

namespace Publishing.Notifications;

/// <summary>Writes every notification to the log, so operators can follow what people were told.</summary>
public sealed partial class LogNotifier(ILogger<LogNotifier> logger) : INotifier
{
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogNotification(logger, notification.Id, notification.Recipient, notification.Kind, notification.ItemId, notification.Message);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Notification {NotificationId} to {Recipient}: {Kind} for item {ItemId}: {Text}")]
    private static partial void LogNotification(ILogger logger, string notificationId, string recipient, string kind, string? itemId, string text);
}
