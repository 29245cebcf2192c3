using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Publishing.Lifecycle;
using Publishing.Testing;

namespace Publishing.Tests.Lifecycle;

/// <summary>Publication records on Azurite: every change is checked against the table and written with the row's ETag.</summary>
public sealed class PublicationStoreTests
{
    readonly PublicationStore store = new(new TableServiceClient(TestStorage.ConnectionString), TimeProvider.System, NullLogger<PublicationStore>.Instance);
    readonly string item = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ATransitionNotInTheTable_IsRefusedAndChangesNothing()
    {
        var created = await store.GetOrCreateAsync(item, 1, "weibo");

        var refused = await store.TransitionAsync(item, 1, "weibo", ChannelState.Published, TransitionCause.Workflow, r => r with { WeiboId = "1" });

        Assert.False(refused.Applied);
        var after = (await store.GetAsync(item, 1, "weibo"))!;
        Assert.Equal((ChannelState.Pending, null), (after.State, after.WeiboId));
        Assert.Equal(created.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task ConcurrentClaims_ExactlyOneIsApplied()
    {
        await store.GetOrCreateAsync(item, 1, "wechat");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            store.TransitionAsync(item, 1, "wechat", ChannelState.Sending, TransitionCause.Workflow))));

        Assert.Single(results, r => r.Applied);
        Assert.All(results.Where(r => !r.Applied), r => Assert.Equal(ChannelState.Sending, r.Current.State));
    }

    [Fact]
    public async Task FieldUpdates_CannotChangeTheState()
    {
        await store.GetOrCreateAsync(item, 1, "website");

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync(item, 1, "website", r => r with { State = ChannelState.Published }));
    }
}
