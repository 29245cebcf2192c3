using Xunit.Abstractions;

namespace Publishing.Tests.Channels.Website;

/// <summary>
/// What a publish costs, counted in storage requests (deterministic, unlike time): the same for a site of 20 items
/// as for one of 40 (both past the first pages, which are cheaper to fill), because a publish touches only the newest pages, one sitemap chunk and the feed.
/// </summary>
public class WebsiteCostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StorageRequestsPerPublish_DoNotGrowWithTheSite()
    {
        var harness = new SiteHarness(pageSize: 5, feedSize: 10, sitemapChunkSize: 7);
        var requests = new StorageRequests();
        var publisher = harness.Publisher(requests);
        var small = new List<int>();
        var large = new List<int>();
        for (int i = 1; i <= 50; i++)
        {
            string id = await harness.SaveAsync($"政务信息（第{i}条）", category: i % 2 == 0 ? "商务" : "教育");
            requests.Reset();
            var started = System.Diagnostics.Stopwatch.StartNew();
            await publisher.PublishAsync(id, 1);
            output.WriteLine($"{i}: {requests.Count} requests, {started.ElapsedMilliseconds} ms");
            if (i is > 20 and <= 30)
            {
                small.Add(requests.Count);
            }
            else if (i > 40)
            {
                large.Add(requests.Count);
            }
        }

        output.WriteLine(string.Join("\n", requests.Seen));
        Assert.True(large.Max() <= small.Max(), $"a publish into 40 items made {large.Max()} requests, into 20 at most {small.Max()}");
        Assert.True(large.Average() <= small.Average() * 1.1, $"publishes into 40 items made {large.Average()} requests on average, into 20 {small.Average()}");
    }
}
