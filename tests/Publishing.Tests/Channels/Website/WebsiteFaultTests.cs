using Azure;

namespace Publishing.Tests.Channels.Website;

/// <summary>
/// A publish or retraction cut off at each of its storage requests in turn (before the request, or after storage
/// applied it and the answer was lost), then run again as the activity's retry does: the site ends consistent.
/// </summary>
public class WebsiteFaultTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Publish_InterruptedAtEachStorageRequest_ThenRetried_ListsTheItemOnce(bool afterSending)
    {
        var harness = new SiteHarness(pageSize: 3, feedSize: 4, sitemapChunkSize: 4);
        var faults = new StorageRequests { FailAfterSending = afterSending };
        var publisher = harness.Publisher(faults);
        var live = new Dictionary<string, string>();
        int interrupted = 0;
        for (int request = 1; ; request++)
        {
            bool commerce = request % 2 == 0;
            string id = await harness.SaveAsync($"政务信息（第{request}条）", commerce ? "商务" : "教育");
            live[id] = commerce ? "swj" : "jyj";
            faults.Reset();
            faults.FailAt = request;
            bool failed = await FailsAsync(() => publisher.PublishAsync(id, 1));
            faults.FailAt = 0;
            if (!failed)
            {
                // The publish made fewer requests than this: every one of them has been interrupted once.
                break;
            }

            interrupted++;
            await publisher.PublishAsync(id, 1);
        }

        Assert.True(interrupted >= 20, $"only {interrupted} requests interrupted");
        SiteAssert.Consistent(await harness.SnapshotAsync(), harness, live, []);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Unpublish_InterruptedAtEachStorageRequest_ThenRetried_LeavesNothingOfTheItem(bool afterSending)
    {
        var harness = new SiteHarness(pageSize: 3, feedSize: 4, sitemapChunkSize: 4);
        var faults = new StorageRequests { FailAfterSending = afterSending };
        var publisher = harness.Publisher(faults);
        var live = new Dictionary<string, string>();
        for (int i = 0; i < 8; i++)
        {
            string id = await harness.SaveAsync($"政务信息（第{i}条）", "商务");
            await publisher.PublishAsync(id, 1);
            live[id] = "swj";
        }

        // Each round publishes one more item and retracts it, one request further in each time.
        var retracted = new List<string>();
        int interrupted = 0;
        for (int request = 1; ; request++)
        {
            string id = await harness.SaveAsync($"待撤回的信息（第{request}条）", "商务");
            await publisher.PublishAsync(id, 1);
            faults.Reset();
            faults.FailAt = request;
            bool failed = await FailsAsync(() => publisher.UnpublishAsync(id));
            faults.FailAt = 0;
            retracted.Add(id);
            if (!failed)
            {
                break;
            }

            interrupted++;
            await publisher.UnpublishAsync(id);
        }

        Assert.True(interrupted >= 15, $"only {interrupted} requests interrupted");
        SiteAssert.Consistent(await harness.SnapshotAsync(), harness, live, retracted);
    }

    static async Task<bool> FailsAsync(Func<Task> action)
    {
        try
        {
            await action();
            return false;
        }
        catch (RequestFailedException e) when (e.Message.StartsWith("injected", StringComparison.Ordinal))
        {
            return true;
        }
    }
}
