namespace Publishing.Notifications;

/// <summary>Sends each notification through every configured notifier (inbox, log, later chat or e-mail).</summary>
/// <remarks>
/// Every notifier is tried even if an earlier one fails; the failure is rethrown afterwards so the calling
/// activity retries, which is safe because notifiers are idempotent by notification id.
/// </remarks>
public sealed class CompositeNotifier(IReadOnlyList<INotifier> notifiers) : INotifier
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        List<Exception>? failures = null;
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(notification, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                (failures ??= []).Add(exception);
            }
        }

        if (failures is [var single])
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(single);
        }

        if (failures is not null)
        {
            throw new AggregateException("Several notifiers failed.", failures);
        }
    }
}
