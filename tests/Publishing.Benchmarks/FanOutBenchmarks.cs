using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;
using Publishing.Lifecycle;

namespace Publishing.Benchmarks;

/// <summary>
/// Approval → last channel done, for the real <see cref="PublishOrchestrator"/> on the in-process engine with channel
/// stand-ins of set latency (website 200 ms, WeChat 500 ms, Weibo 400 ms; record writes instant). Website first,
/// then the social channels together, so the target is website + slowest social + 300 ms = 1,000 ms.
/// Run: <c>dotnet run -c Release --project tests/Publishing.Benchmarks -- --filter *FanOut*</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
public class FanOutBenchmarks
{
    public static readonly TimeSpan Website = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan WeChat = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Weibo = TimeSpan.FromMilliseconds(400);

    DurableTaskTestHost host = null!;
    int run;

    [GlobalSetup]
    public void Setup() => host = DurableTaskTestHost.StartAsync(registry =>
    {
        registry.AddOrchestrator<PublishOrchestrator>();
        registry.AddActivityFunc<ItemEvent, bool>(nameof(RecordItemEventActivity), (_, _) => true);
        registry.AddActivityFunc<ChannelPublishRequest, SendResult>(nameof(PublishWebsiteActivity), async (_, r) =>
        {
            await Task.Delay(Website);
            return new SendResult(ChannelState.Published, "https://www.example.gov.cn/a.html");
        });
        registry.AddActivityFunc<ChannelPublishRequest, SendResult>(nameof(PublishWeiboActivity), async (_, _) =>
        {
            await Task.Delay(Weibo);
            return new SendResult(ChannelState.Published, WeiboId: "1");
        });
        registry.AddOrchestratorFunc<ChannelPublishRequest, ChannelResult>(nameof(WeChatPublishOrchestrator), async (context, r) =>
        {
            await context.CallActivityAsync<bool>("WeChatSend", r);
            return new ChannelResult(r.Channel, ChannelState.Published, null, null);
        });
        registry.AddActivityFunc<ChannelPublishRequest, bool>("WeChatSend", async (_, _) =>
        {
            await Task.Delay(WeChat);
            return true;
        });
        registry.AddActivityFunc<ChannelOutcome, ChannelResult>(nameof(ApplyChannelResultActivity), (_, o) =>
            new ChannelResult(o.Request.Channel, o.Result.To ?? ChannelState.Pending, o.Result.Url, o.Result.Error));
        registry.AddActivityFunc<FinishPublishing, PublishOutcome>(nameof(FinishPublishingActivity), (_, _) =>
            new PublishOutcome(ItemStatus.Published, []));
    }).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "approval → last channel (target ≤ 1,000 ms)")]
    public async Task<OrchestrationRuntimeStatus> PublishToThreeChannels()
    {
        string id = $"bench-{Interlocked.Increment(ref run)}";
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(PublishOrchestrator),
            new PublishInput(id, 1, "hash", ["website", "wechat", "weibo"], null, "editor1"), new StartOrchestrationOptions(id));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false);
        return done.RuntimeStatus;
    }
}
