using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
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
/// then the social channels together, so the target is website + slowest social + 300 ms = 1,000 ms. The engine
/// round trips below are the floor: one activity, two in parallel, one through a sub-orchestration.
/// Run: <c>dotnet run -c Release --project tests/Publishing.Benchmarks -- --filter *FanOut*</c>.
/// </summary>
[Config(typeof(InProcessMonitoring))]
public class FanOutBenchmarks
{
    /// <summary>One run per iteration (each takes about a second); in process, because the generated project may not build
    /// within BenchmarkDotNet's timeout on a shared 2-core machine.</summary>
    sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(2)
            .WithIterationCount(15));
    }

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
            return new SendResult(ChannelState.Published, "https://www.example.gov.cn/a.html", Written: true);
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
        registry.AddOrchestratorFunc<string, bool>("RoundTrip", async (context, _) => await context.CallActivityAsync<bool>("Nothing", ""));
        registry.AddActivityFunc<string, bool>("Nothing", (_, _) => true);
        registry.AddOrchestratorFunc<string, bool>("Parallel", async (context, _) =>
        {
            await Task.WhenAll(context.CallActivityAsync<bool>("Nothing", "a"), context.CallActivityAsync<bool>("Nothing", "b"));
            return true;
        });
        registry.AddOrchestratorFunc<string, bool>("RoundTripViaChild", async (context, _) =>
            await context.CallSubOrchestratorAsync<bool>("RoundTrip", "", new SubOrchestrationOptions { InstanceId = context.InstanceId + "-child" }));
    }).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The engine's own cost of one orchestration with one instant activity: the floor under every figure above.</summary>
    [Benchmark(Description = "engine round trip: one instant activity")]
    public async Task<OrchestrationRuntimeStatus> EngineRoundTrip()
    {
        string id = $"round-{Interlocked.Increment(ref run)}";
        await host.Client.ScheduleNewOrchestrationInstanceAsync("RoundTrip", "", new StartOrchestrationOptions(id));
        return (await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)).RuntimeStatus;
    }

    /// <summary>Two instant activities awaited together, as the social fan-out does: what parallelism costs in this engine.</summary>
    [Benchmark(Description = "engine round trip: two instant activities in parallel")]
    public async Task<OrchestrationRuntimeStatus> EngineRoundTripParallel()
    {
        string id = $"par-{Interlocked.Increment(ref run)}";
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Parallel", "", new StartOrchestrationOptions(id));
        return (await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)).RuntimeStatus;
    }

    /// <summary>The same through a sub-orchestration, as the WeChat flow runs.</summary>
    [Benchmark(Description = "engine round trip: via a sub-orchestration")]
    public async Task<OrchestrationRuntimeStatus> EngineRoundTripViaSubOrchestration()
    {
        string id = $"child-{Interlocked.Increment(ref run)}";
        await host.Client.ScheduleNewOrchestrationInstanceAsync("RoundTripViaChild", "", new StartOrchestrationOptions(id));
        return (await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false)).RuntimeStatus;
    }

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
