using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Assets;
using Publishing.Outbound;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Publishing.Tests.Assets;

/// <summary>
/// A submission's images and attachments become ours before it is stored: external images are fetched once through
/// the guarded fetcher (a WireMock server stands for the internet) and re-hosted; internal addresses are refused.
/// </summary>
public sealed class SubmissionAssetsTests : IDisposable
{
    readonly WireMockServer internet = WireMockServer.Start();
    readonly WireMockServer intranet = WireMockServer.Start();
    readonly AssetsApiHarness api = new();
    readonly SubmissionAssets assets;
    readonly byte[] photo = TestDocuments.Jpeg(120, 80);

    public SubmissionAssetsTests()
    {
        internet.Given(Request.Create().WithPath("/photos/meeting.jpg").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody(photo));
        internet.Given(Request.Create().WithPath("/page.html").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody("<html>not an image</html>"));
        intranet.Given(Request.Create().WithPath("/secret.png").UsingGet())
            .RespondWith(Response.Create().WithBody(TestDocuments.Png(4, 4)));
        // Only the "internet" fake is reachable on loopback; the intranet one is what an attacker would aim at.
        var fetcher = new GuardedFetcher(new OutboundOptions { TestLoopbackPorts = [internet.Ports[0]] }, NullLogger.Instance, null);
        assets = new SubmissionAssets(
            api.Services.GetRequiredService<AssetStore>(), api.Services.GetRequiredService<AssetService>(), fetcher,
            api.Services.GetRequiredService<IOptions<AssetOptions>>());
    }

    public void Dispose()
    {
        internet.Stop();
        intranet.Stop();
    }

    [Fact]
    public async Task ExternalImage_IsFetchedOnceStoredAsAnAssetAndItsSrcRewritten()
    {
        string url = internet.Urls[0] + "/photos/meeting.jpg";
        string body = $"<p>座谈会现场</p><p><img src=\"{url}\" alt=\"现场\"></p><p><img src=\"{url}\" alt=\"现场\"></p>";

        var outcome = await assets.ResolveAsync(AssetsApiHarness.Editor, body, null, default);

        var resolved = Assert.IsType<SubmissionAssets.Accepted>(outcome).Value;
        Assert.DoesNotContain(internet.Urls[0], resolved.BodyHtml);
        var src = System.Text.RegularExpressions.Regex.Matches(resolved.BodyHtml, "src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().Single();
        string id = SubmissionAssets.AssetIdOf(src)!;
        Assert.Equal(photo, (await api.DownloadAsync(id)).Body);
        Assert.Single(internet.LogEntries, e => e.RequestMessage.Path == "/photos/meeting.jpg");
    }

    [Fact]
    public async Task ResubmittingTheSameBody_GivesTheSameRewrittenBody()
    {
        string body = $"<p><img src=\"{internet.Urls[0]}/photos/meeting.jpg\" alt=\"现场\"></p>";

        var first = Assert.IsType<SubmissionAssets.Accepted>(await assets.ResolveAsync(AssetsApiHarness.Editor, body, null, default));
        var again = Assert.IsType<SubmissionAssets.Accepted>(await assets.ResolveAsync(AssetsApiHarness.Editor, body, null, default));

        Assert.Equal(first.Value.BodyHtml, again.Value.BodyHtml);
    }

    // Threat: server-side request forgery through an image URL pointing at the host or the internal network.
    [Theory]
    [InlineData("intranet")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.5/a.png")]
    public async Task InternalImage_IsRefusedWithAClearMessage(string target)
    {
        string url = target == "intranet" ? intranet.Urls[0] + "/secret.png" : target;

        var outcome = await assets.ResolveAsync(AssetsApiHarness.Editor, $"<p><img src=\"{url}\" alt=\"图\"></p>", null, default);

        var errors = Assert.IsType<SubmissionAssets.Invalid>(outcome).Errors;
        Assert.Contains("本机或内部网络", Assert.Single(errors["bodyHtml"]));
        Assert.Empty(intranet.LogEntries);
    }

    [Theory]
    [InlineData("/page.html", "不是")]
    [InlineData("/missing.jpg", "HTTP 404")]
    public async Task ExternalNonImageOrMissing_IsRefused(string path, string reason)
    {
        var outcome = await assets.ResolveAsync(AssetsApiHarness.Editor, $"<p><img src=\"{internet.Urls[0]}{path}\" alt=\"图\"></p>", null, default);

        Assert.Contains(reason, Assert.Single(Assert.IsType<SubmissionAssets.Invalid>(outcome).Errors["bodyHtml"]));
    }

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task ImageThatIsNeitherAnAssetNorAWebAddress_IsRefused(string src)
    {
        var outcome = await assets.ResolveAsync(AssetsApiHarness.Editor, $"<p><img src=\"{src}\" alt=\"图\"></p>", null, default);

        Assert.Contains("地址无效", Assert.Single(Assert.IsType<SubmissionAssets.Invalid>(outcome).Errors["bodyHtml"]));
    }

    [Fact]
    public async Task UploadedImage_IsKeptAsItIs_AndAnAttachmentIsRecordedWithItsSha256()
    {
        var image = await api.UploadAsync("现场.png", TestDocuments.Png(10, 10));
        var pdf = await api.UploadAsync("补贴名单.pdf", TestDocuments.PdfWithIdNumberOnPage2());
        string body = $"<p><img src=\"{image.Json.GetProperty("url").GetString()}\" alt=\"现场\"></p>";

        var outcome = await assets.ResolveAsync(AssetsApiHarness.Editor, body, [new(pdf.Json.GetProperty("id").GetString(), null)], default);

        var resolved = Assert.IsType<SubmissionAssets.Accepted>(outcome).Value;
        Assert.Equal(body, resolved.BodyHtml);
        var attachment = Assert.Single(resolved.Attachments);
        Assert.Equal("补贴名单", attachment.Title);
        Assert.Equal("PDF", attachment.Format);
        Assert.Equal(pdf.Json.GetProperty("sha256").GetString(), attachment.Sha256);
    }

    [Fact]
    public async Task UnknownDuplicateOrMissingAttachmentIds_AreFieldErrors()
    {
        var pdf = await api.UploadAsync("a.pdf", TestDocuments.PdfWithIdNumberOnPage2());
        string id = pdf.Json.GetProperty("id").GetString()!;

        var outcome = await assets.ResolveAsync(AssetsApiHarness.Editor, "<p>正文</p>",
            [new(id, "名单"), new(id, "名单"), new("0123456789abcdef0123456789abcdef", null), new(null, "无编号")], default);

        var errors = Assert.IsType<SubmissionAssets.Invalid>(outcome).Errors;
        Assert.Contains("重复", errors["attachments[1].assetId"][0]);
        Assert.Contains("不存在", errors["attachments[2].assetId"][0]);
        Assert.Contains("assetId", errors["attachments[3].assetId"][0]);
        Assert.False(errors.ContainsKey("attachments[0].assetId"));
    }

    [Fact]
    public async Task AnAttachmentUsedAsABodyImage_IsRefused()
    {
        var pdf = await api.UploadAsync("a.pdf", TestDocuments.PdfWithIdNumberOnPage2());

        var outcome = await assets.ResolveAsync(AssetsApiHarness.Editor,
            $"<p><img src=\"{pdf.Json.GetProperty("url").GetString()}\" alt=\"图\"></p>", null, default);

        Assert.Contains("不是已上传的图片", Assert.Single(Assert.IsType<SubmissionAssets.Invalid>(outcome).Errors["bodyHtml"]));
    }

    [Fact]
    public async Task ExternalImageOverTheImageLimit_IsRefused()
    {
        byte[] big = TestDocuments.NoisyPng(200, 200);
        internet.Given(Request.Create().WithPath("/big.png").UsingGet()).RespondWith(Response.Create().WithBody(big));
        var small = new AssetsApiHarness(o => o.MaxImageBytes = big.Length / 2);
        var fetcher = new GuardedFetcher(new OutboundOptions { TestLoopbackPorts = [internet.Ports[0]] }, NullLogger.Instance, null);
        var limited = new SubmissionAssets(small.Services.GetRequiredService<AssetStore>(), small.Services.GetRequiredService<AssetService>(),
            fetcher, small.Services.GetRequiredService<IOptions<AssetOptions>>());

        var outcome = await limited.ResolveAsync(AssetsApiHarness.Editor, $"<p><img src=\"{internet.Urls[0]}/big.png\" alt=\"图\"></p>", null, default);

        Assert.Contains("超过大小上限", Assert.Single(Assert.IsType<SubmissionAssets.Invalid>(outcome).Errors["bodyHtml"]));
    }
}
