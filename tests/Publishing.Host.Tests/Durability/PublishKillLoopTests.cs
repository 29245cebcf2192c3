using System.Text.Json.Nodes;
using Publishing.Host.Tests.Support;
using Publishing.Testing.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace Publishing.Host.Tests.Durability;

/// <summary>
/// kill -9 of the local host at each step of publishing, one item per step: every channel is posted at most once and
/// every item ends in a final state (a channel whose send was cut off may be <c>unknown</c> for a person).
/// </summary>
public sealed class PublishKillLoopTests(ITestOutputHelper output) : IAsyncLifetime
{
    readonly WeChatFake wechat = new();
    readonly WeiboFake weibo = new();
    readonly WireMockServer images = WireMockServer.Start();
    LocalHostProcess host = null!;

    static readonly string[] Final = ["Published", "PartiallyPublished", "Failed"];

    public async Task InitializeAsync()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x33, 1024), 0xFF, 0xD9];
        images.Given(Request.Create().WithPath("/c.jpg").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody(jpeg));
        // Slow enough that a kill lands while the request is on the wire.
        weibo.SetDelay(WeiboFake.SharePath, TimeSpan.FromSeconds(4));
        wechat.SetDelay(WeChatFake.SubmitPath, TimeSpan.FromSeconds(2));
        host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["Publishing__Review__DueAfter"] = "01:00:00",
            // Body images come from a loopback fake: the guarded fetcher's test-only allowance.
            ["Publishing__Outbound__TestLoopbackPorts__0"] = images.Ports[0].ToString(),
            ["Publishing__WeChat__BaseUrl"] = wechat.Url + "/",
            ["Publishing__WeChat__AppId"] = wechat.AppId,
            ["Publishing__WeChat__AppSecret"] = wechat.AppSecret,
            ["Publishing__WeChat__PollAfter"] = "00:00:03",
            ["Publishing__WeChat__MaxPolls"] = "3",
            ["Publishing__Weibo__BaseUrl"] = weibo.Url + "/",
            ["Publishing__Weibo__AccessToken"] = weibo.AccessToken,
        });
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        wechat.Dispose();
        weibo.Dispose();
        images.Stop();
    }

    public static readonly (string Step, Func<JsonNode, bool> Reached)[] Steps =
    [
        ("approved, publishing starting", i => (string?)i["status"] is "Approved" or "Publishing"),
        ("website published", i => (string?)i["publications"]?["website"]?["state"] == "published"),
        ("wechat draft stored", i => i["publications"]?["wechat"]?["draftMediaId"] is not null),
        ("weibo share on the wire", i => (string?)i["publications"]?["weibo"]?["state"] == "sending"),
        ("wechat job submitted", i => i["publications"]?["wechat"]?["publishId"] is not null),
    ];

    [Fact]
    public async Task KilledAtEachStepOfPublishing_EachChannelPostedAtMostOnce_AndEveryItemEndsFinal()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        foreach (var (step, reached) in Steps)
        {
            int shares = weibo.CallCount(WeiboFake.SharePath), submits = wechat.CallCount(WeChatFake.SubmitPath), drafts = wechat.CallCount(WeChatFake.DraftAddPath);
            int round = Array.FindIndex(Steps, s => s.Step == step) + 1;
            string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, new
            {
                kind = "news",
                // Within WeChat's 32-character title limit, so every channel can publish.
                title = $"商务局政策宣传活动第{round}场",
                bodyHtml = $"<p>政策宣传活动现场，第{round}场。</p><p><img src=\"{images.Urls[0]}/c.jpg\" alt=\"现场\"></p>",
                metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
                channels = new[] { "website", "wechat", "weibo" },
            });
            await editor.WaitForItemAsync(id, reached, 90);
            host.Kill();
            await host.StartAsync();

            JsonNode item;
            int restarts = 1;
            try
            {
                item = await editor.WaitForItemAsync(id, i => Final.Contains((string?)i["status"]), 90);
            }
            catch (TimeoutException)
            {
                // Seen on this engine: after a kill the gRPC sidecar can lose an activity's completion ("Activity not
                // found") and never redeliver it while the process lives. A second restart hands the message out again;
                // the step then finds its own claim and ends as unknown instead of sending twice.
                host.Kill();
                await host.StartAsync();
                restarts++;
                try
                {
                    item = await editor.WaitForItemAsync(id, i => Final.Contains((string?)i["status"]), 120);
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"killed at \"{step}\": {e.Message}\nHost output:\n{host.Output[^Math.Min(host.Output.Length, 20000)..]}", e);
                }
            }

            int sharedNow = weibo.CallCount(WeiboFake.SharePath) - shares, submittedNow = wechat.CallCount(WeChatFake.SubmitPath) - submits;
            var states = new[] { "website", "wechat", "weibo" }.ToDictionary(c => c, c => (string?)item["publications"]![c]!["state"]);
            output.WriteLine($"killed at \"{step}\" ({restarts} restart(s)): status {item["status"]}, states {string.Join(", ", states.Select(s => $"{s.Key}={s.Value}"))}; weibo shares {sharedNow}, wechat submits {submittedNow}, drafts {wechat.CallCount(WeChatFake.DraftAddPath) - drafts}; errors: {string.Join(" | ", new[] { "wechat", "weibo" }.Select(c => $"{c}: {(string?)item["publications"]![c]!["lastError"]}"))}");
            Assert.InRange(sharedNow, 0, 1);
            Assert.InRange(submittedNow, 0, 1);
            Assert.All(states.Values, s => Assert.Contains(s, new[] { "published", "unknown", "failed" }));
            Assert.Equal("published", states["website"]);
            // A channel that says published was posted exactly once; one cut off mid-send is unknown, never resent.
            if (states["weibo"] == "published") Assert.Equal(1, sharedNow);
            if (states["wechat"] == "published") Assert.Equal(1, submittedNow);
        }
    }
}
