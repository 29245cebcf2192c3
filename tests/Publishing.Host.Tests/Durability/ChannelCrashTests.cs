using System.Text.Json.Nodes;
using Publishing.Host.Tests.Support;
using Publishing.Testing.Fakes;

namespace Publishing.Host.Tests.Durability;

/// <summary>A crash between WeChat's draft/add and freepublish/submit must not create a second draft or a second submit.</summary>
public sealed class ChannelCrashTests : IAsyncDisposable
{
    readonly WeChatFake wechat = new();
    // WeChat articles need a cover image; a local server provides it.
    readonly WireMock.Server.WireMockServer images = WireMock.Server.WireMockServer.Start();
    readonly LocalHostProcess host;

    public ChannelCrashTests() => host = new LocalHostProcess(new Dictionary<string, string>
    {
        ["Publishing__Review__DueAfter"] = "01:00:00",
        ["Publishing__Outbound__TestLoopbackPorts__0"] = images.Ports[0].ToString(),
        ["Publishing__WeChat__BaseUrl"] = wechat.Url + "/",
        ["Publishing__WeChat__AppId"] = wechat.AppId,
        ["Publishing__WeChat__AppSecret"] = wechat.AppSecret,
        ["Publishing__WeChat__PollAfter"] = "00:00:03",
        ["Publishing__WeChat__MaxPolls"] = "3",
    });

    [Fact]
    public async Task KilledAfterDraftAdd_RestartedHost_SubmitsExactlyOnce()
    {
        await host.StartAsync();
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        images.Given(WireMock.RequestBuilders.Request.Create().WithPath("/c.jpg").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "image/jpeg")
                .WithBody([0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)7, 1024), 0xFF, 0xD9]));
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, new
        {
            kind = "news",
            title = "商务局开展消费品以旧换新政策宣传",
            bodyHtml = $"<p>政策宣传活动现场。</p><p><img src=\"{images.Urls[0]}/c.jpg\" alt=\"宣传现场\"></p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
            channels = new[] { "wechat" },
        });

        await editor.WaitForItemAsync(id, i => i["publications"]?["wechat"]?["draftMediaId"] is not null, 90);
        host.Kill();
        await host.StartAsync();

        JsonNode item;
        try
        {
            item = await ReviewFlow.WaitForPublishedAsync(editor, id, 60);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nHost output:\n" + host.Output, e);
        }
        Assert.Equal(1, wechat.CallCount(WeChatFake.DraftAddPath));
        Assert.Equal(1, wechat.CallCount(WeChatFake.SubmitPath));
        // Killed before the submit was sent: it completes. Killed while it was in flight: a person must check, no resend.
        Assert.Contains((string?)item["publications"]!["wechat"]!["state"], new[] { "published", "unknown" });
        images.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        wechat.Dispose();
    }
}
