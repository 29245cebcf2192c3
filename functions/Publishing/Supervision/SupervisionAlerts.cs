using Publishing.Notifications;

namespace Publishing.Supervision;

/// <summary>Sends a supervision alert at most once, across rounds, replays and restarts.</summary>
static class SupervisionAlerts
{
    /// <returns>True when it was sent now.</returns>
    public static async Task<bool> SendOnceAsync(SupervisionStore store, INotifier notifier, Notification notification)
    {
        if (await store.WasSentAsync(notification.Id))
        {
            return false;
        }

        // Crash between the two steps → sent again with the same id, which the inbox stores once.
        await notifier.NotifyAsync(notification);
        await store.MarkSentAsync(notification.Id, notification.At);
        return true;
    }
}
