using Publishing.Items;

namespace Publishing.Tests.Channels.Website;

/// <summary>The website channel on Azurite: pages, stable archive pages, category lists, sitemap, feed, policy↔interpretation links.</summary>
public class WebsitePublisherTests
{
    readonly SiteHarness harness = new(pageSize: 5, feedSize: 10, sitemapChunkSize: 7);

    [Fact]
    public async Task Publish_PutsThePageOnItsListsSitemapAndFeed_AndUnpublishTakesItOffEverywhere()
    {
        var publisher = harness.Publisher();
        var live = new Dictionary<string, string>();
        foreach (var (title, category, code) in new[] { ("关于做好外贸稳增长工作的通知", "商务", "swj"), ("关于秋季学期开学工作的通知", "教育", "jyj"), ("关于促进消费的若干措施", "商务", "swj") })
        {
            string id = await harness.SaveAsync(title, category);
            string url = await publisher.PublishAsync(id, 1);
            Assert.Equal($"https://www.example.gov.cn/xxgk/articles/{id}.html", url);
            live[id] = code;
        }

        var snapshot = await harness.SnapshotAsync();
        SiteAssert.Consistent(snapshot, harness, live, []);
        Assert.Contains("<a href=\"../../lists/jyj/index.html\">教育</a>", snapshot.Text("lists/swj/index.html"));
        Assert.Contains("<h1>商务</h1>", snapshot.Text("lists/swj/index.html"));

        string retracted = live.Keys.First();
        await publisher.UnpublishAsync(retracted);
        live.Remove(retracted);

        SiteAssert.Consistent(await harness.SnapshotAsync(), harness, live, [retracted]);
        Assert.Null(await publisher.GetEntryAsync(retracted));
    }

    [Fact]
    public async Task TitleWithCharactersXmlForbids_IsPublished_AndTheFeedAndSitemapStayReadable()
    {
        var publisher = harness.Publisher();
        // U+FFFF, a C0 control and a surrogate pair cut in half, as a broken converter leaves them.
        string title = "关于\uFFFF做好\u0001外贸工作的通知\uD83D";
        string id = await harness.SaveAsync(title);

        await publisher.PublishAsync(id, 1);

        var snapshot = await harness.SnapshotAsync();
        Assert.Equal([id], snapshot.Feed());
        Assert.Equal([id], snapshot.Sitemap());
        // The cut pair is already U+FFFD (allowed in XML) once the version was stored as UTF-8; the rest is dropped.
        Assert.Contains("<title>关于做好外贸工作的通知\uFFFD</title>", snapshot.Text("feed.xml"));
        Assert.Equal([id], snapshot.Front(""));
    }

    [Fact]
    public async Task ArchivePages_AreNumberedFromTheOldest_SoNewItemsLeaveEarlierPagesUntouched()
    {
        var publisher = harness.Publisher();
        var ids = new List<string>();
        for (int i = 1; i <= 12; i++)
        {
            ids.Add(await harness.SaveAsync($"政务公开工作通报（第{i}期）"));
            await publisher.PublishAsync(ids[^1], 1);
        }

        var before = await harness.SnapshotAsync();
        Assert.Equal(ids, before.Archive(""));
        for (int i = 13; i <= 16; i++)
        {
            ids.Add(await harness.SaveAsync($"政务公开工作通报（第{i}期）"));
            await publisher.PublishAsync(ids[^1], 1);
        }

        var after = await harness.SnapshotAsync();
        Assert.Equal(before.Text("page-1.html"), after.Text("page-1.html"));
        Assert.Equal(before.Text("page-2.html"), after.Text("page-2.html"));
        Assert.Equal(ids, after.Archive(""));
        Assert.Equal(ids[^5..].AsEnumerable().Reverse(), after.Front(""));
        // The front page continues with the archive page holding the sixth newest item; the newest archive page
        // leads back to the front page, older pages to the next newer one.
        Assert.Contains("<a rel=\"next\" href=\"page-3.html\">下一页</a>", after.Text("index.html"));
        Assert.Contains("<a rel=\"prev\" href=\"index.html\">上一页</a>", after.Text("page-4.html"));
        Assert.Contains("<a rel=\"prev\" href=\"page-4.html\">上一页</a>", after.Text("page-3.html"));
        Assert.Contains("<a rel=\"next\" href=\"page-2.html\">下一页</a>", after.Text("page-3.html"));
        Assert.Contains("共 16 条", after.Text("index.html"));
        Assert.Empty(after.BrokenLinks());
    }

    [Fact]
    public async Task Unpublish_RewritesOnlyThePageThatHeldTheEntry()
    {
        var publisher = harness.Publisher();
        var ids = new List<string>();
        for (int i = 1; i <= 11; i++)
        {
            ids.Add(await harness.SaveAsync($"通知{i}"));
            await publisher.PublishAsync(ids[^1], 1);
        }

        var before = await harness.SnapshotAsync();
        await publisher.UnpublishAsync(ids[6]);

        var after = await harness.SnapshotAsync();
        Assert.Equal(before.Text("page-1.html"), after.Text("page-1.html"));
        Assert.Equal(ids[5..10].Where(id => id != ids[6]).Reverse(), after.Listed("page-2.html"));
        SiteAssert.Consistent(after, harness, ids.Where(id => id != ids[6]).ToDictionary(id => id, _ => "swj"), [ids[6]]);
    }

    [Fact]
    public async Task NewVersion_KeepsItsPlace_ShowsTheNewTitle_AndMovesToItsNewCategory()
    {
        var publisher = harness.Publisher();
        string first = await harness.SaveAsync("关于开展消费季活动的通知");
        string moved = await harness.SaveAsync("关于做好学校食品安全工作的通知", category: "商务");
        string last = await harness.SaveAsync("关于外贸企业用电保障的通知");
        foreach (string id in new[] { first, moved, last })
        {
            await publisher.PublishAsync(id, 1);
        }

        var published = await publisher.GetEntryAsync(moved);
        await harness.SaveAsync("关于做好学校食品安全工作的通知（修订）", category: "教育", version: 2, itemId: moved);
        await publisher.PublishAsync(moved, 2);

        var snapshot = await harness.SnapshotAsync();
        Assert.Equal([first, moved, last], snapshot.Archive(""));
        Assert.Equal([first, last], snapshot.Archive("lists/swj"));
        Assert.Equal([moved], snapshot.Archive("lists/jyj"));
        Assert.Contains("关于做好学校食品安全工作的通知（修订）", snapshot.Text("index.html"));
        Assert.Contains("关于做好学校食品安全工作的通知（修订）", snapshot.Text("feed.xml"));
        var entry = await publisher.GetEntryAsync(moved);
        Assert.Equal(2, entry!.Version);
        Assert.Equal(published!.PublishedAt, entry.PublishedAt);
        SiteAssert.Consistent(snapshot, harness, new Dictionary<string, string> { [first] = "swj", [moved] = "jyj", [last] = "swj" }, []);
    }

    [Fact]
    public async Task ReplayedPublish_OfTheSameVersion_RewritesNoListFile()
    {
        var publisher = harness.Publisher();
        string id = await harness.SaveAsync("关于印发政务公开工作要点的通知");
        await publisher.PublishAsync(id, 1);
        var before = await harness.SnapshotAsync();

        await publisher.PublishAsync(id, 1);

        var after = await harness.SnapshotAsync();
        Assert.Equal(before.Paths.Order(), after.Paths.Order());
        Assert.All(before.Paths, path => Assert.Equal(before.Text(path), after.Text(path)));
        Assert.Equal([id], after.Archive(""));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PolicyAndInterpretation_LinkEachOther_WhicheverIsPublishedFirst_AndUnlinkOnRetraction(bool policyFirst)
    {
        var publisher = harness.Publisher();
        string policy = await harness.SaveAsync("临沂市促进消费若干措施");
        string interpretation = await harness.SaveAsync("《临沂市促进消费若干措施》政策解读", kind: ItemKinds.Interpretation, interpretsItemId: policy);
        foreach (string id in policyFirst ? new[] { policy, interpretation } : [interpretation, policy])
        {
            await publisher.PublishAsync(id, 1);
        }

        var snapshot = await harness.SnapshotAsync();
        Assert.Contains($"政策解读：<a href=\"../articles/{interpretation}.html\">《临沂市促进消费若干措施》政策解读</a>", snapshot.Text($"articles/{policy}.html"));
        Assert.Contains($"解读的政策文件：<a href=\"../articles/{policy}.html\">临沂市促进消费若干措施</a>", snapshot.Text($"articles/{interpretation}.html"));

        await publisher.UnpublishAsync(policy);

        snapshot = await harness.SnapshotAsync();
        Assert.DoesNotContain(policy, snapshot.Text($"articles/{interpretation}.html"));
        SiteAssert.Consistent(snapshot, harness, new Dictionary<string, string> { [interpretation] = "swj" }, [policy]);
    }

    [Fact]
    public async Task PolicyAndInterpretation_PublishedAtTheSameMoment_StillLinkEachOther()
    {
        for (int round = 0; round < 5; round++)
        {
            string policy = await harness.SaveAsync($"关于支持外贸企业的政策（{round}）");
            string interpretation = await harness.SaveAsync($"政策解读（{round}）", kind: ItemKinds.Interpretation, interpretsItemId: policy);

            await Task.WhenAll(harness.Publisher().PublishAsync(policy, 1), harness.Publisher().PublishAsync(interpretation, 1));

            var snapshot = await harness.SnapshotAsync();
            Assert.Contains($"../articles/{interpretation}.html", snapshot.Text($"articles/{policy}.html"));
            Assert.Contains($"../articles/{policy}.html", snapshot.Text($"articles/{interpretation}.html"));
        }
    }
}
