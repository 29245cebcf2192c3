using System.Net;
using Publishing.Host.Tests.Support;
using Publishing.Testing.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Publishing.Host.Tests.Outbound;

/// <summary>
/// An editor-written image URL pointing inward (SSRF) reaches nothing through the WeChat draft step: the channel fails
/// with a message that names neither the address nor the port, and nothing is uploaded to WeChat.
/// </summary>
public sealed class WeChatImageFetchTests : IAsyncLifetime
{
    readonly WeChatFake wechat = new();
    // An internal service on loopback that must never be fetched: it is not in the test allowance.
    readonly WireMockServer intranet = WireMockServer.Start();
    readonly LocalHostProcess host;

    public WeChatImageFetchTests()
    {
        intranet.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9]));
        host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["Publishing__Review__DueAfter"] = "01:00:00",
            ["Publishing__WeChat__BaseUrl"] = wechat.Url + "/",
            ["Publishing__WeChat__AppId"] = wechat.AppId,
            ["Publishing__WeChat__AppSecret"] = wechat.AppSecret,
        });
    }

    public Task InitializeAsync() => host.StartAsync();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        wechat.Dispose();
        intranet.Stop();
    }

    [Fact]
    public async Task InwardImageUrls_AreRefusedAtSubmission_WithoutFetchingOrReachingWeChat()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        string loopback = $"http://127.0.0.1:{intranet.Ports[0]}/admin/export.jpg";
        var response = await editor.PostJsonAsync("api/items", new
        {
            kind = "news",
            title = "临沂市商务局召开外贸企业座谈会",
            bodyHtml = $"<p>座谈会现场。</p><p><img src=\"{loopback}\" alt=\"现场\"></p><p><img src=\"http://169.254.169.254/latest/meta-data/\" alt=\"图\"></p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
            channels = new[] { "wechat" },
        });

        // Body images are fetched once, at submission, through the guarded fetcher: an inward address never gets in.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadJsonAsync(response);
        string error = (string)problem["errors"]!["bodyHtml"]![0]!;
        Assert.Contains("第 1 张正文图片", error);
        Assert.Contains("内部网络", error);
        Assert.Empty(intranet.LogEntries);
        Assert.Equal(0, wechat.CallCount(WeChatFake.UploadImagePath));
        Assert.Equal(0, wechat.CallCount(WeChatFake.DraftAddPath));
    }
}
