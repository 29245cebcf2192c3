using System.Net;
using System.Text;
using Publishing.Channels.WeChat;
using Xunit.Abstractions;
using Publishing.Host.Tests.Support;
using Publishing.Testing.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Publishing.Host.Tests.Channels;

/// <summary>
/// WeChat and Weibo with credentials, against WireMock fakes of their APIs, on the real engine: the official flows,
/// exactly once, errors a person can act on, callbacks, retry and retraction.
/// </summary>
public sealed class SocialChannelsTests : IAsyncLifetime
{
    const string CallbackToken = "wechat-callback-token-test";
    readonly WeChatFake wechat = new();
    readonly WeiboFake weibo = new();
    readonly WireMockServer images = WireMockServer.Start();
    readonly LocalHostProcess host;
    readonly ITestOutputHelper output;

    public SocialChannelsTests(ITestOutputHelper output)
    {
        this.output = output;
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x42, 2048), 0xFF, 0xD9];
        weibo.FetchLinks = true;
        images.Given(Request.Create().WithPath("/uploads/cover.jpg").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody(jpeg));
        host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["Publishing__Review__DueAfter"] = "01:00:00",
            // Body images come from a loopback fake: the test-only allowance of the guarded fetcher.
            ["Publishing__Outbound__TestLoopbackPorts__0"] = images.Ports[0].ToString(),
            ["Publishing__WeChat__BaseUrl"] = wechat.Url + "/",
            ["Publishing__WeChat__AppId"] = wechat.AppId,
            ["Publishing__WeChat__AppSecret"] = wechat.AppSecret,
            ["Publishing__WeChat__CallbackToken"] = CallbackToken,
            ["Publishing__WeChat__PollAfter"] = "00:00:04",
            ["Publishing__WeChat__MaxPolls"] = "2",
            ["Publishing__Weibo__BaseUrl"] = weibo.Url + "/",
            ["Publishing__Weibo__AccessToken"] = weibo.AccessToken,
            ["Publishing__Weibo__Rip"] = "127.0.0.1",
            ["Publishing__Weibo__AttemptTimeout"] = "00:00:06",
            ["Publishing__Weibo__TotalTimeout"] = "00:00:10",
        });
    }

    public Task InitializeAsync() => host.StartAsync();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        wechat.Dispose();
        weibo.Dispose();
        images.Stop();
    }

    object Article(string title, params string[] channels) => new
    {
        kind = "news",
        title,
        bodyHtml = $"<p>临沂市商务局召开外贸企业座谈会，听取企业意见建议。</p><p><img src=\"{images.Urls[0]}/uploads/cover.jpg\" alt=\"座谈会现场\"></p>",
        metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
        channels = channels.Length > 0 ? channels : new[] { "website", "wechat", "weibo" },
    };

    async Task<string> AwaitPublishIdAsync(ApiClient client, string id)
    {
        var item = await client.WaitForItemAsync(id, i => i["publications"]?["wechat"]?["publishId"] is not null, 90);
        return (string)item["publications"]!["wechat"]!["publishId"]!;
    }

    HttpRequestMessage Callback(string xml, string? token = CallbackToken)
    {
        string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        string nonce = Guid.NewGuid().ToString("N")[..10];
        string signature = WeChatSignature.Compute(token ?? "wrong", timestamp, nonce);
        return new HttpRequestMessage(HttpMethod.Post, $"api/channels/wechat/events?signature={signature}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent(xml, Encoding.UTF8, "text/xml"),
        };
    }

    [Fact]
    public async Task ApprovedItem_GoesToAllThreeChannelsOnce_WithImagesUploaded_AndWeChatCompletesByCallback()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        wechat.ExpireTokenOnce(42001); // the cached token expires mid-flow: one refresh, one retry
        string title = "临沂市商务局召开外贸企业座谈会";
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, Article(title));
        string publishId = await AwaitPublishIdAsync(editor, id);

        // A forged callback changes nothing; one for an unknown job is acknowledged and ignored.
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var forged = await anonymous.SendAsync(Callback(WeChatFake.PublishJobFinishXml(publishId, 0, "art-1", "https://mp.weixin.qq.com/s/forged"), token: "not-the-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var unknown = await anonymous.SendAsync(Callback(WeChatFake.PublishJobFinishXml("999999999", 0, "x", "https://mp.weixin.qq.com/s/x")));
        Assert.Equal("success", await unknown.Content.ReadAsStringAsync());
        Assert.Null((await editor.GetJsonAsync($"api/items/{id}"))["publications"]!["wechat"]!["articleId"]);

        string articleUrl = "https://mp.weixin.qq.com/s/Kq8Zr0yA1bC2dE3fG4hI5j";
        var accepted = await anonymous.SendAsync(Callback(WeChatFake.PublishJobFinishXml(publishId, 0, "2247483650_1", articleUrl)));
        Assert.Equal("success", await accepted.Content.ReadAsStringAsync());

        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Equal("Published", (string?)item["status"]);
        var wechatPublication = item["publications"]!["wechat"]!;
        Assert.Equal("published", (string?)wechatPublication["state"]);
        // The callback is confirmed with freepublish/get: what is recorded is WeChat's answer, not the callback's claims.
        Assert.Equal(wechat.ArticleUrlOf(publishId), (string?)wechatPublication["url"]);
        Assert.Equal(wechat.ArticleIdOf(publishId), (string?)wechatPublication["articleId"]);
        Assert.Equal("published", (string?)item["publications"]!["weibo"]!["state"]);
        Assert.NotNull((string?)item["publications"]!["weibo"]!["weiboId"]);

        Assert.Equal(1, wechat.CallCount(WeChatFake.DraftAddPath));
        Assert.Equal(1, wechat.CallCount(WeChatFake.SubmitPath));
        Assert.Equal(1, weibo.CallCount(WeiboFake.SharePath));
        Assert.Equal(1, wechat.CallCount(WeChatFake.UploadImagePath));
        string draft = wechat.Requests(WeChatFake.DraftAddPath)[0].BodyText;
        Assert.Contains("mmbiz.qpic.cn", draft);
        Assert.DoesNotContain(images.Urls[0], draft);
        Assert.Contains(title, draft);
        string status = weibo.Requests(WeiboFake.SharePath)[0].Form("status")!;
        Assert.Contains($"/site/articles/{id}.html", status);
        Assert.True(wechat.TokensIssued >= 2, "the expired token was not refreshed");
        // Website first: the page the post links to answered when Weibo received the share.
        Assert.Equal([200], weibo.LinkStatuses);
    }

    [Fact]
    public async Task EightOperatorsRetryAFailedWeiboAtOnce_OneRetryRuns_SevenAreToldItIsRunning_OnePost()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        weibo.FailNext(WeiboFake.SharePath, 10017); // a configuration error: certainly not posted
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, Article("商务局发布重点商品价格监测情况", "website", "weibo"));
        var failed = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Equal("failed", (string?)failed["publications"]!["weibo"]!["state"]);

        var operators = Enumerable.Range(0, 8).Select(i => new ApiClient(host.BaseAddress, i % 2 == 0 ? "admin1" : "reviewer3")).ToList();
        var responses = await Task.WhenAll(operators.Select(o => o.PostJsonAsync($"api/items/{id}/channels/weibo/retry", new { })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(7, conflicts.Count);
        foreach (var conflict in conflicts)
        {
            Assert.Contains("该渠道已在重试中", (string?)(await ApiClient.ReadJsonAsync(conflict))["detail"]);
        }

        var item = await editor.WaitForItemAsync(id, i => (string?)i["status"] == "Published", 90);
        Assert.Equal("published", (string?)item["publications"]!["weibo"]!["state"]);
        Assert.Single(weibo.Posts);
        Assert.Equal(2, weibo.CallCount(WeiboFake.SharePath)); // the refused first send and the one retry
        Assert.All(weibo.LinkStatuses, status => Assert.Equal(200, status));
        output.WriteLine($"8 concurrent retries → 1×202, {conflicts.Count}×409; posts on the fake: {weibo.Posts.Count}; linked page answered {string.Join(",", weibo.LinkStatuses)}");
        operators.ForEach(o => o.Dispose());
    }

    [Fact]
    public async Task WeChatQuotaExhausted_FailsWithAnActionableMessage_AndAdminRetrySucceeds()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var admin = new ApiClient(host.BaseAddress, "admin1");
        wechat.FailNext(WeChatFake.DraftAddPath, 45009);
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, Article("商务局发布一季度消费市场运行情况"));

        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Equal("PartiallyPublished", (string?)item["status"]);
        Assert.Equal("failed", (string?)item["publications"]!["wechat"]!["state"]);
        Assert.Contains("明日", (string?)item["publications"]!["wechat"]!["lastError"]);

        var retry = await admin.PostJsonAsync($"api/items/{id}/channels/wechat/retry", new { });
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        string publishId = await AwaitPublishIdAsync(editor, id);
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        await anonymous.SendAsync(Callback(WeChatFake.PublishJobFinishXml(publishId, 0, "2247483651_1", "https://mp.weixin.qq.com/s/retried")));

        var after = await editor.WaitForItemAsync(id, i => (string?)i["status"] == "Published", 90);
        Assert.Equal("published", (string?)after["publications"]!["wechat"]!["state"]);
        Assert.Equal(1, wechat.CallCount(WeChatFake.SubmitPath));
        Assert.Equal(1, weibo.CallCount(WeiboFake.SharePath));
    }

    [Fact]
    public async Task WeiboTimeoutAfterSending_IsUnknown_AndIsNotPostedAgain()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        weibo.SetDelay(WeiboFake.SharePath, TimeSpan.FromSeconds(12));
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, Article("商务局举办跨境电商培训班"));
        string publishId = await AwaitPublishIdAsync(editor, id);
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        await anonymous.SendAsync(Callback(WeChatFake.PublishJobFinishXml(publishId, 0, "2247483652_1", "https://mp.weixin.qq.com/s/training")));

        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Equal("PartiallyPublished", (string?)item["status"]);
        Assert.Equal("unknown", (string?)item["publications"]!["weibo"]!["state"]);
        Assert.Contains("核实", (string?)item["publications"]!["weibo"]!["lastError"]);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(1, weibo.CallCount(WeiboFake.SharePath));
    }

    [Fact]
    public async Task WithoutCallback_PollingFallbackFinds_TheResult_AndRetractionRemovesTheItemFromEveryChannel()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var finalReviewer = new ApiClient(host.BaseAddress, "reviewer3");
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, Article("关于暂停举办展销活动的通知"));

        // No callback arrives: the bounded freepublish/get fallback reads the result.
        var published = await editor.WaitForItemAsync(id, i => (string?)i["status"] == "Published", 90);
        Assert.NotNull((string?)published["publications"]!["wechat"]!["articleId"]);
        Assert.InRange(wechat.CallCount(WeChatFake.GetPath), 1, 2);

        var response = await finalReviewer.PostJsonAsync($"api/items/{id}/retract", new { reason = "活动取消，信息撤回" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await ApiClient.ReadJsonAsync(response);
        Assert.Equal("Retracted", (string?)item["status"]);
        Assert.All(new[] { "website", "wechat", "weibo" }, c => Assert.Equal("retracted", (string?)item["publications"]![c]!["state"]));
        Assert.Equal(1, wechat.CallCount(WeChatFake.DeletePath));
        Assert.Equal(1, weibo.CallCount(WeiboFake.DestroyPath));
        Assert.Empty(weibo.Posts);
    }
}
