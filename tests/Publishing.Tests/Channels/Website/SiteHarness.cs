using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Testing;

namespace Publishing.Tests.Channels.Website;

/// <summary>
/// A website of its own on the test Azurite (its own <c>$web</c> container, site table and content container), and
/// publishers over it: several publishers are several host instances; each may get a policy that fails or stalls
/// chosen storage requests.
/// </summary>
internal sealed class SiteHarness
{
    readonly ContentStore content;

    public SiteHarness(int pageSize = 5, int feedSize = 10, int sitemapChunkSize = 7)
    {
        Site = new SiteOptions
        {
            BaseUrl = new Uri("https://www.example.gov.cn/xxgk/"),
            ContainerName = TestStorage.UniqueName("web"),
            TableName = TestStorage.UniqueName("site"),
            SiteTitle = "临沂市人民政府 政府信息公开",
            PageSize = pageSize,
            FeedSize = feedSize,
            SitemapChunkSize = sitemapChunkSize,
        };
        content = new ContentStore(new BlobServiceClient(TestStorage.ConnectionString),
            Options.Create(new ContentStoreOptions { ContainerName = TestStorage.UniqueName("items") }));
        Files = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient(Site.ContainerName);
    }

    public SiteOptions Site { get; }

    public ContentStore Content => content;

    public IndexNumberOptions IndexNumbers { get; } = new()
    {
        CategoryCodes = new(StringComparer.Ordinal) { ["商务"] = "swj", ["教育"] = "jyj", ["卫生健康"] = "wjw" },
    };

    /// <summary>The published files, read as a visitor would.</summary>
    public BlobContainerClient Files { get; }

    /// <summary>A publisher as one host instance has it; <paramref name="policy"/> sees every storage request it makes.</summary>
    public WebsitePublisher Publisher(HttpPipelinePolicy? policy = null)
    {
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        if (policy is not null)
        {
            // Per call: outside the SDK's own retries, so an injected failure reaches the publisher.
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        return new WebsitePublisher(
            new BlobServiceClient(TestStorage.ConnectionString, blobOptions),
            new TableServiceClient(TestStorage.ConnectionString, tableOptions),
            content,
            Options.Create(Site),
            Options.Create(IndexNumbers),
            TimeProvider.System,
            NullLogger<WebsitePublisher>.Instance);
    }

    /// <summary>Stores an approved version the way submission does; returns the item id.</summary>
    public async Task<string> SaveAsync(string title, string category = "商务", string kind = ItemKinds.Policy, string? interpretsItemId = null, int version = 1, string? itemId = null)
    {
        itemId ??= Guid.NewGuid().ToString("N");
        string body = $"<p>{System.Net.WebUtility.HtmlEncode(title)}：为进一步做好相关工作，现将有关事项通知如下。</p>";
        var document = new VersionDocument(kind, title,
            new ItemMetadata(Publisher: "临沂市商务局", OrgCode: "1123045263", DisclosureMode: DisclosureModes.Proactive, Category: category,
                IndexNumber: "1123045263/swj/2026-" + itemId[..7]),
            ["website"], null, interpretsItemId, "editor1", DateTimeOffset.UtcNow);
        await content.SaveVersionAsync(itemId, version, body, body, document.ToJson());
        return itemId;
    }

    public Task<SiteSnapshot> SnapshotAsync() => SiteSnapshot.ReadAsync(Files, Site);
}
