using Publishing.Notifications;

namespace Publishing.Tests.Notifications;

public class CompositeNotifierTests
{
    sealed class Recording : INotifier
    {
        public List<string> Ids { get; } = [];

        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Ids.Add(notification.Id);
            return Task.CompletedTask;
        }
    }

    sealed class Failing : INotifier
    {
        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("inbox down");
    }

    static readonly Notification Note = new("n1", "role:InitialReviewer", "reminder", "item-1", "请在3个工作日内完成初审", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Notify_ReachesEveryNotifier()
    {
        Recording a = new(), b = new();

        await new CompositeNotifier([a, b]).NotifyAsync(Note);

        Assert.Equal(["n1"], a.Ids);
        Assert.Equal(["n1"], b.Ids);
    }

    [Fact]
    public async Task Notify_OneNotifierFails_OthersStillRunAndTheFailureSurfaces()
    {
        Recording after = new();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new CompositeNotifier([new Failing(), after]).NotifyAsync(Note));

        Assert.Equal("inbox down", error.Message);
        Assert.Equal(["n1"], after.Ids);
    }
}
