using Publishing.Identity;

namespace Publishing.Notifications;

/// <summary>The inbox table behind <c>GET /api/inbox</c>; also an <see cref="INotifier"/>.</summary>
public sealed class Inbox : INotifier
{
    // CONTRACT STUB — replaced by the notifications work.
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Newest first: what was sent to the user and to each of their roles.</summary>
    public Task<IReadOnlyList<Notification>> ReadAsync(CurrentUser user, int max = 100, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
