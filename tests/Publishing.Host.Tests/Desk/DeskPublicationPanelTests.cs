using System.Net;
using Microsoft.Playwright;
using Publishing.Host.Tests.Support;
using Publishing.Testing.Fakes;
using static Microsoft.Playwright.Assertions;

namespace Publishing.Host.Tests.Desk;

/// <summary>
/// The publication panel against a Weibo fake: a channel that failed is retried from the desk, then the item is
/// retracted everywhere, each with a confirmation and a reason.
/// </summary>
public sealed class DeskPublicationPanelTests : IAsyncLifetime
{
    static readonly LocatorAssertionsToContainTextOptions Workflow = new() { Timeout = 90_000 };

    readonly WeiboFake weibo = new();
    readonly DeskBrowser browser = new();
    readonly LocalHostProcess host;

    public DeskPublicationPanelTests()
    {
        host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["Publishing__Review__DueAfter"] = "01:00:00",
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
        await browser.DisposeAsync();
        await host.DisposeAsync();
        weibo.Dispose();
    }

    [Fact]
    public async Task AFailedChannel_IsRetriedFromThePanel_ThenTheItemIsRetractedEverywhere()
    {
        // The token was revoked on the platform: Weibo refuses the first share, the website publishes.
        weibo.FailNext(WeiboFake.SharePath, 21327);
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, new
        {
            kind = "news",
            title = "临沂市商务局召开外贸企业座谈会",
            bodyHtml = "<p>临沂市商务局召开外贸企业座谈会，听取企业意见建议。</p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
            channels = new[] { "website", "weibo" },
        });

        var admin = await browser.SignInAsync(host.BaseAddress, "admin1", startPath: "/desk/publications?attention=true");
        var link = admin.Locator($"a[href='/desk/items/{id}#publication']");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await link.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "the failed publication never showed up as needing attention");
            await admin.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
            await admin.WaitForTimeoutAsync(500);
        }

        await link.ClickAsync();
        var weiboRow = admin.Locator("#publication [data-channel=weibo]");
        await Expect(weiboRow).ToContainTextAsync("发布失败", Workflow);
        await Expect(weiboRow).ToContainTextAsync("访问令牌已过期");
        await Expect(admin.Locator("#publication [data-channel=website]")).ToContainTextAsync("已发布", Workflow);
        await Expect(admin.Locator("article.article")).ToContainTextAsync("外贸企业座谈会");
        await DeskBrowser.ScreenshotAsync(admin, "17-publication-failed");

        await weiboRow.GetByRole(AriaRole.Button, new() { Name = "重试政务微博" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("避免一稿多发");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认重试" }).ClickAsync();
        await Expect(dialog.Locator(".field-error")).ToHaveTextAsync("请填写重试原因（记入审计记录）。");
        await dialog.GetByLabel("重试原因（记入审计记录）").FillAsync("已在微博开放平台重新授权，令牌已更新。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认重试" }).ClickAsync();
        await Expect(admin.Locator("#publication [role=status]")).ToContainTextAsync("已开始重试政务微博");
        await Expect(weiboRow).ToContainTextAsync("已发布", Workflow);
        Assert.Equal(2, weibo.CallCount(WeiboFake.SharePath));
        Assert.Single(weibo.Posts);
        await DeskBrowser.ScreenshotAsync(admin, "18-publication-retried");

        string siteUrl = (await admin.Locator("#publication [data-channel=website]").GetByRole(AriaRole.Link, new() { Name = "打开" }).GetAttributeAsync("href"))!;
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(siteUrl)).StatusCode);

        await admin.GetByRole(AriaRole.Button, new() { Name = "从所有渠道撤回" }).ClickAsync();
        await dialog.GetByLabel("撤回原因（记入审计记录）").FillAsync("座谈会时间有误，撤回后更正重发。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();
        await Expect(admin.Locator(".item-meta")).ToContainTextAsync("已撤回发布", Workflow);
        await Expect(weiboRow).ToContainTextAsync("已撤回", Workflow);
        await Expect(admin.Locator("#publication [data-channel=website]")).ToContainTextAsync("已撤回", Workflow);
        Assert.Empty(weibo.Posts);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(siteUrl)).StatusCode);
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "从所有渠道撤回" })).ToHaveCountAsync(0);
        await DeskBrowser.ScreenshotAsync(admin, "19-publication-retracted");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUnknownOutcome_IsResolvedWithTheWeiboId_SoTheRetractionTakesThatPostDown()
    {
        // Weibo posts but answers too late: nobody knows whether it went out, so the channel waits for a person.
        weibo.SetDelay(WeiboFake.SharePath, TimeSpan.FromSeconds(12));
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, new
        {
            kind = "news",
            title = "临沂市商务局举办跨境电商培训班",
            bodyHtml = "<p>临沂市商务局举办跨境电商培训班，全市八十余家企业参加。</p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
            channels = new[] { "website", "weibo" },
        });

        var admin = await browser.SignInAsync(host.BaseAddress, "admin1", startPath: $"/desk/items/{id}#publication");
        var weiboRow = admin.Locator("#publication [data-channel=weibo]");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!(await weiboRow.TextContentAsync() ?? "").Contains("需人工核实"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the Weibo channel never showed an unknown outcome");
            await admin.WaitForTimeoutAsync(1000);
            await admin.ReloadAsync();
        }

        // The late answer's post lands on the platform after our client gave up (as on the real one).
        while (weibo.Posts.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the delayed share never reached the Weibo fake");
            await Task.Delay(500);
        }

        long postedId = Assert.Single(weibo.Posts).Key;
        weibo.SetDelay(WeiboFake.SharePath, TimeSpan.Zero);
        await weiboRow.GetByRole(AriaRole.Button, new() { Name = "核实结果" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("已经发出").CheckAsync();
        await dialog.GetByLabel("微博 ID（数字，撤回时据此删除）").FillAsync(postedId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByLabel("核实说明（记入审计记录）").FillAsync("已登录微博后台核实，该条微博已发出。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "记录核实结果" }).ClickAsync();
        await Expect(admin.Locator("#publication [role=status]")).ToContainTextAsync("已记录核实结果");
        await Expect(weiboRow).ToContainTextAsync("已发布", Workflow);
        Assert.Equal(1, weibo.CallCount(WeiboFake.SharePath));

        await admin.GetByRole(AriaRole.Button, new() { Name = "从所有渠道撤回" }).ClickAsync();
        await dialog.GetByLabel("撤回原因（记入审计记录）").FillAsync("培训班改期，撤回后更正重发。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();
        await Expect(weiboRow).ToContainTextAsync("已撤回", Workflow);
        Assert.Empty(weibo.Posts);
        await admin.Context.CloseAsync();
    }
}
