using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Assets;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Testing;
using Publishing.Tests.Channels.Website;

namespace Publishing.Tests.Assets;

/// <summary>The published page lists the attachments and serves them and the body images from $web, byte for byte.</summary>
public sealed class SiteAttachmentTests
{
    readonly AssetsApiHarness api = new();
    readonly SiteHarness site = new();

    WebsitePublisher Publisher() => new(
        new BlobServiceClient(TestStorage.ConnectionString), new TableServiceClient(TestStorage.ConnectionString), site.Content,
        Options.Create(site.Site), Options.Create(site.IndexNumbers), TimeProvider.System, NullLogger<WebsitePublisher>.Instance,
        new SiteAssets(new BlobServiceClient(TestStorage.ConnectionString), Options.Create(site.Site), api.Services.GetRequiredService<AssetStore>()));

    async Task<AssetRecord> UploadAsync(string name, byte[] content) =>
        (await api.Services.GetRequiredService<AssetStore>().GetRecordAsync((await api.UploadAsync(name, content)).Json.GetProperty("id").GetString()!, default))!;

    async Task<string> SaveAsync(string body, params VersionAttachment[] attachments)
    {
        string id = Guid.NewGuid().ToString("N");
        var document = new VersionDocument("notice", "关于2025年度外贸补贴名单的公示",
            new ItemMetadata("临沂市商务局", "1123045263", null, DisclosureModes.Proactive, "商务", IndexNumber: "1123045263/swj/2026-" + id[..7]),
            ["website"], null, null, "editor1", DateTimeOffset.UtcNow, attachments);
        await site.Content.SaveVersionAsync(id, 1, body, body, document.ToJson());
        return id;
    }

    async Task<string> PageAsync(string id) => (await site.Files.GetBlobClient(SiteEntry.PathFor(id)).DownloadContentAsync()).Value.Content.ToString();

    async Task<byte[]> FileAsync(string href) =>
        (await site.Files.GetBlobClient(href.Replace("../", "", StringComparison.Ordinal)).DownloadContentAsync()).Value.Content.ToArray();

    [Fact]
    public async Task PublishedPage_ListsAttachmentsWithFormatAndSize_AndEachDownloadHasTheUploadedSha256()
    {
        byte[] pdfBytes = TestDocuments.PdfWithIdNumberOnPage2();
        byte[] xlsxBytes = TestDocuments.XlsxWithMobilesInColumnB();
        var pdf = await UploadAsync("补贴名单.pdf", pdfBytes);
        var xlsx = await UploadAsync("统计表.xlsx", xlsxBytes);
        string id = await SaveAsync("<p>名单见附件。</p>", VersionAttachment.From(pdf, "补贴名单"), VersionAttachment.From(xlsx, "统计表"));

        await Publisher().PublishAsync(id, 1);

        string page = await PageAsync(id);
        var links = Regex.Matches(page, "<li><a href=\"([^\"]+)\" download>([^<]+)</a> <span class=\"attachment-meta\">（([^，]+)，([^）]+)）</span>")
            .Select(m => (Href: m.Groups[1].Value, Title: m.Groups[2].Value, Format: m.Groups[3].Value, Size: m.Groups[4].Value)).ToList();
        Assert.Equal([("补贴名单", "PDF"), ("统计表", "Excel")], links.Select(l => (l.Title, l.Format)));
        Assert.Equal(SitePageRenderer.FileSize(pdfBytes.Length), links[0].Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdfBytes)), Convert.ToHexStringLower(SHA256.HashData(await FileAsync(links[0].Href))));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(xlsxBytes)), Convert.ToHexStringLower(SHA256.HashData(await FileAsync(links[1].Href))));
        Assert.Equal("../" + SiteAssets.PathFor(id, pdf), links[0].Href);
    }

    [Fact]
    public async Task BodyImages_AreServedFromTheWebsite_NeverFromTheApiOrElsewhere()
    {
        byte[] png = TestDocuments.Png(30, 20);
        var image = await UploadAsync("现场.png", png);
        string id = await SaveAsync($"<p>会议现场</p><p><img src=\"{image.Url}\" alt=\"会议现场\"></p>");

        await Publisher().PublishAsync(id, 1);

        string page = await PageAsync(id);
        Assert.DoesNotContain("/api/", page);
        string src = Regex.Match(page, "<img src=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal("../" + SiteAssets.PathFor(id, image), src);
        Assert.Equal(png, await FileAsync(src));
        var properties = await site.Files.GetBlobClient(SiteAssets.PathFor(id, image)).GetPropertiesAsync();
        Assert.Equal("image/png", properties.Value.ContentType);
    }

    [Fact]
    public async Task Republishing_KeepsTheSamePaths_AndTakingDownRemovesTheFiles()
    {
        var pdf = await UploadAsync("补贴名单.pdf", TestDocuments.PdfWithIdNumberOnPage2());
        string id = await SaveAsync("<p>名单见附件。</p>", VersionAttachment.From(pdf, "补贴名单"));
        var publisher = Publisher();

        await publisher.PublishAsync(id, 1);
        string first = await PageAsync(id);
        await publisher.PublishAsync(id, 1);

        Assert.Equal(first, await PageAsync(id));
        await publisher.UnpublishAsync(id);
        Assert.False((await site.Files.GetBlobClient(SiteAssets.PathFor(id, pdf)).ExistsAsync()).Value);
    }
}
