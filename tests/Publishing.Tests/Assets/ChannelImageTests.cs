using Microsoft.Extensions.DependencyInjection;
using Publishing.Assets;
using Publishing.Identity;
using Publishing.Lifecycle;
using Publishing.Testing.Fakes;
using Publishing.Tests.Support;
using SixLabors.ImageSharp;

namespace Publishing.Tests.Assets;

/// <summary>Social channels get pictures from our stored assets, fitted to their limits; nothing is fetched at publish time.</summary>
public sealed class ChannelImageTests : IAsyncLifetime
{
    static readonly CurrentUser Editor = new("editor1", "王编辑", new HashSet<string> { Roles.Editor });

    PublishingHarness harness = null!;

    public async Task InitializeAsync() => harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    async Task<AssetRecord> StoreAsync(string name, byte[] content) =>
        Assert.IsType<AssetService.Stored>(await harness.Services.GetRequiredService<AssetService>().StoreAsync(Editor, name, content, default)).Asset;

    [Fact]
    public async Task WeChat_GetsAJpegUnder1MB_ForA4MBPng_AndAnAttachmentNoteInsteadOfFiles()
    {
        byte[] png = TestDocuments.NoisyPng(1160, 1160);
        Assert.True(png.Length > 4_000_000, $"{png.Length} bytes");
        var image = await StoreAsync("现场.png", png);
        var pdf = await StoreAsync("名单.pdf", TestDocuments.PdfWithIdNumberOnPage2());
        string id = await harness.SeedApprovedHtmlAsync("商务局召开外贸企业座谈会",
            $"<p>座谈会现场。</p><p><img src=\"{image.Url}\" alt=\"座谈会现场\"></p>", [VersionAttachment.From(pdf, "参会企业名单")], "wechat");

        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));

        Assert.Equal(ChannelState.Published, (await harness.Publications.GetAsync(id, 1, "wechat"))!.State);
        var upload = Assert.Single(harness.WeChat.Requests(WeChatFake.UploadImagePath));
        var part = Assert.Single(FakeMultipart.Parse(upload.Body, upload.ContentType!));
        Assert.True(part.Content.Length < 1024 * 1024, $"{part.Content.Length} bytes");
        Assert.Equal([0xFF, 0xD8, 0xFF], part.Content[..3]);
        Assert.Equal(1160, Image.Identify(part.Content).Width);
        var thumb = Assert.Single(FakeMultipart.Parse(harness.WeChat.Requests(WeChatFake.AddMaterialPath)[0].Body, harness.WeChat.Requests(WeChatFake.AddMaterialPath)[0].ContentType!));
        Assert.True(thumb.Content.Length <= 64 * 1024, $"thumb {thumb.Content.Length} bytes");
        string content = Assert.Single(harness.WeChat.Requests(WeChatFake.DraftAddPath)).Json.GetProperty("articles")[0].GetProperty("content").GetString()!;
        Assert.DoesNotContain("/api/assets/", content);
        Assert.Contains("参会企业名单（PDF，", content);
        Assert.Contains("阅读原文", content);
    }

    [Fact]
    public async Task WeChat_SmallJpeg_IsUploadedByteForByte()
    {
        byte[] jpeg = TestDocuments.Jpeg(300, 200);
        var image = await StoreAsync("现场.jpg", jpeg);
        string id = await harness.SeedApprovedHtmlAsync("商务局召开外贸企业座谈会", $"<p>现场。</p><p><img src=\"{image.Url}\" alt=\"现场\"></p>", null, "wechat");

        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));

        var upload = Assert.Single(harness.WeChat.Requests(WeChatFake.UploadImagePath));
        Assert.Equal(jpeg, Assert.Single(FakeMultipart.Parse(upload.Body, upload.ContentType!)).Content);
    }

    [Fact]
    public async Task Weibo_PostsTheFirstImageAsItsPicture()
    {
        byte[] first = TestDocuments.Png(200, 100);
        var one = await StoreAsync("一.png", first);
        var two = await StoreAsync("二.png", TestDocuments.Png(50, 50));
        string id = await harness.SeedApprovedHtmlAsync("商务局召开外贸企业座谈会",
            $"<p>现场。</p><p><img src=\"{one.Url}\" alt=\"一\"><img src=\"{two.Url}\" alt=\"二\"></p>", null, "weibo");

        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));

        var share = Assert.Single(harness.Weibo.Requests(WeiboFake.SharePath));
        var pic = Assert.Single(FakeMultipart.Parse(share.Body, share.ContentType!), p => p.Name == "pic");
        Assert.Equal(first, pic.Content);
    }
}
