using Azure.Core;

namespace Publishing.Tests.Channels.Website;

/// <summary>Many publishers at once (50 items scheduled for 09:00, several host instances), against Azurite.</summary>
public class WebsiteConcurrencyTests
{
    static readonly (string Name, string Code)[] Categories = [("商务", "swj"), ("教育", "jyj"), ("卫生健康", "wjw")];

    [Fact]
    public async Task FiftyItemsPublishedAtOnce_WhileOthersAreRetractedAndRevised_AreEachListedOnce_AndNothingRetractedRemains()
    {
        var harness = new SiteHarness(pageSize: 5, feedSize: 10, sitemapChunkSize: 7);
        var hosts = Enumerable.Range(0, 3).Select(_ => harness.Publisher()).ToArray();
        var live = new Dictionary<string, string>();
        var online = new List<string>();
        for (int i = 0; i < 10; i++)
        {
            var (name, code) = Categories[i % 3];
            string id = await harness.SaveAsync($"已发布信息（第{i}条）", name);
            await hosts[0].PublishAsync(id, 1);
            online.Add(id);
            live[id] = code;
        }

        var retracted = online.Take(6).ToList();
        var revised = online.Skip(8).ToList();
        var fresh = new List<string>();
        for (int i = 0; i < 50; i++)
        {
            var (name, code) = Categories[i % 3];
            fresh.Add(await harness.SaveAsync($"九点发布的信息（第{i}条）", name));
            live[fresh[^1]] = code;
        }

        foreach (string id in revised)
        {
            await harness.SaveAsync("修订后的信息 " + id[..6], "商务", version: 2, itemId: id);
            live[id] = "swj";
        }

        var work = fresh.Select((id, i) => Task.Run(() => hosts[i % 3].PublishAsync(id, 1)))
            .Concat(retracted.Select((id, i) => Task.Run(() => hosts[i % 3].UnpublishAsync(id))))
            .Concat(revised.Select((id, i) => Task.Run(() => hosts[i % 3].PublishAsync(id, 2))));
        await Task.WhenAll(work);

        foreach (string id in retracted)
        {
            live.Remove(id);
        }

        var snapshot = await harness.SnapshotAsync();
        SiteAssert.Consistent(snapshot, harness, live, retracted);
        foreach (string id in revised)
        {
            Assert.Contains("修订后的信息 " + id[..6], snapshot.Text("lists/swj/" + PageOf(snapshot, "lists/swj", id)));
            Assert.DoesNotContain(snapshot.Paths, p => p.EndsWith(".html", StringComparison.Ordinal) && snapshot.Text(p).Contains(">已发布信息（第" + online.IndexOf(id) + "条）<", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AWriterStalledMidRebuild_LongerThanAnyLeaseWouldLast_CannotPutBackAnOlderList()
    {
        // The failure of the former 60 s site lease: it expired while its holder was still rebuilding, the next holder
        // wrote the lists, then the first one finished and wrote its stale lists over them. There is no lease now, so
        // the equivalent is a writer held after rendering each list file and before its upload, for as long as
        // another host needs to publish two items; then let go.
        var harness = new SiteHarness(pageSize: 5, feedSize: 10, sitemapChunkSize: 7);
        var seeded = harness.Publisher();
        string before = await harness.SaveAsync("之前发布的信息");
        await seeded.PublishAsync(before, 1);
        var stall = new StorageRequests { Hold = r => r.Method == RequestMethod.Put && !r.Uri.Path.Contains("/articles/", StringComparison.Ordinal) };
        var slow = harness.Publisher(stall);
        var fast = harness.Publisher();
        string stalled = await harness.SaveAsync("被拖慢的发布");
        string second = await harness.SaveAsync("其间发布的第一条");
        string third = await harness.SaveAsync("其间发布的第二条");

        var slowPublish = slow.PublishAsync(stalled, 1);
        await stall.Holding.WaitAsync(TimeSpan.FromMinutes(2));
        await fast.PublishAsync(second, 1);
        await fast.PublishAsync(third, 1);
        stall.Release();
        await slowPublish;

        // The stalled writer's uploads were refused as out of date instead of replacing the newer files.
        Assert.True(stall.RefusedWrites > 0, "the stalled writer's uploads should have met newer files");
        SiteAssert.Consistent(await harness.SnapshotAsync(), harness,
            new Dictionary<string, string> { [before] = "swj", [stalled] = "swj", [second] = "swj", [third] = "swj" }, []);
    }

    static string PageOf(SiteSnapshot snapshot, string folder, string id) =>
        snapshot.Paths.Where(p => p.StartsWith(folder + "/page-", StringComparison.Ordinal)).Single(p => snapshot.Listed(p).Contains(id))[(folder.Length + 1)..];
}
