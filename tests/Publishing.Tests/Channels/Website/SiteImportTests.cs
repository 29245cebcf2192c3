using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Testing;

namespace Publishing.Tests.Channels.Website;

/// <summary>A site published by the former rebuild-everything publisher (entries and pages only) keeps every item on the upgraded lists.</summary>
public class SiteImportTests
{
    [Fact]
    public async Task FirstPublishAfterUpgrade_ListsEveryItemAlreadyOnline_Once_ThenTheNewOne()
    {
        var harness = new SiteHarness(pageSize: 5, feedSize: 10, sitemapChunkSize: 7);
        var table = new TableServiceClient(TestStorage.ConnectionString).GetTableClient(harness.Site.TableName);
        await table.CreateIfNotExistsAsync();
        await harness.Files.CreateIfNotExistsAsync();
        var live = new Dictionary<string, string>();
        var start = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        string? policy = null;
        for (int i = 0; i < 23; i++)
        {
            bool commerce = i % 3 != 0;
            string id = await harness.SaveAsync($"升级前发布的信息（第{i}条）", commerce ? "商务" : "教育");
            var entry = new SiteEntry
            {
                RowKey = id, Title = $"升级前发布的信息（第{i}条）", Kind = ItemKinds.Policy, Category = commerce ? "商务" : "教育",
                CategoryCode = commerce ? "swj" : "jyj", Version = 1, Path = SiteEntry.PathFor(id),
                PublishedAt = start.AddDays(i), UpdatedAt = start.AddDays(i), Summary = "摘要",
                InterpretsItemId = i == 5 ? policy : null,
            };
            policy ??= id;
            await table.AddEntityAsync(entry);
            await harness.Files.UploadBlobAsync(entry.Path, BinaryData.FromString($"<html><h1>{entry.Title}</h1></html>"));
            live[id] = entry.CategoryCode;
        }

        // What the former publisher left: lists numbered from the newest, a flat sitemap.
        await harness.Files.UploadBlobAsync("index.html", BinaryData.FromString("<ul class=\"list\"></ul><a href=\"page-2.html\">下一页</a>"));
        await harness.Files.UploadBlobAsync("page-2.html", BinaryData.FromString("<ul class=\"list\"></ul>"));
        await harness.Files.GetBlobClient("sitemap.xml").UploadAsync(BinaryData.FromString("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>"),
            new BlobUploadOptions());

        var publisher = harness.Publisher();
        string fresh = await harness.SaveAsync("升级后发布的第一条信息");
        await publisher.PublishAsync(fresh, 1);
        live[fresh] = "swj";

        var snapshot = await harness.SnapshotAsync();
        SiteAssert.Consistent(snapshot, harness, live, []);
        Assert.Equal(fresh, snapshot.Archive("")[^1]);
        Assert.Equal(live.Keys.Where(id => id != fresh).ToList(), snapshot.Archive("")[..^1]);

        // The interpretation imported from its entry is linked from its policy's page when the policy is republished.
        await publisher.PublishAsync(policy!, 1);
        Assert.Contains("政策解读：<a href=\"../articles/", (await harness.SnapshotAsync()).Text($"articles/{policy}.html"));
    }
}
