using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;
using Publishing.Lifecycle;

namespace Publishing.Tests.Lifecycle;

/// <summary>
/// The publish orchestration's branches on the in-process engine, every activity replaced by a stand-in that
/// records when it ran: website first, held channels, schedule and its cancellation. No storage, seconds each.
/// </summary>
public sealed class PublishBranchTests : IAsyncLifetime
{
    readonly ConcurrentQueue<(string Step, string Channel, DateTime At)> log = new();
    ChannelState websiteOutcome = ChannelState.Published;
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await DurableTaskTestHost.StartAsync(registry =>
    {
        registry.AddOrchestrator<PublishOrchestrator>();
        registry.AddOrchestrator<RetryChannelOrchestrator>();
        registry.AddActivityFunc<ItemEvent, bool>(nameof(RecordItemEventActivity), (_, e) => Note(e.Action, "", true));
        registry.AddActivityFunc<ChannelPublishRequest, SendResult>(nameof(PublishWebsiteActivity), async (_, r) =>
        {
            Note("send-start", r.Channel, true);
            await Task.Delay(300);
            return Note("send-end", r.Channel, new SendResult(websiteOutcome, Error: websiteOutcome == ChannelState.Failed ? "磁盘已满" : null));
        });
        registry.AddActivityFunc<ChannelPublishRequest, SendResult>(nameof(PublishWeiboActivity), async (_, r) =>
        {
            Note("send-start", r.Channel, true);
            await Task.Delay(300);
            return Note("send-end", r.Channel, new SendResult(ChannelState.Published, WeiboId: "1"));
        });
        registry.AddOrchestratorFunc<ChannelPublishRequest, ChannelResult>(nameof(WeChatPublishOrchestrator), async (context, r) =>
        {
            await context.CallActivityAsync<bool>("WeChatStandIn", r);
            return new ChannelResult(r.Channel, ChannelState.Published, null, null);
        });
        registry.AddActivityFunc<ChannelPublishRequest, bool>("WeChatStandIn", async (_, r) =>
        {
            Note("send-start", r.Channel, true);
            await Task.Delay(300);
            return Note("send-end", r.Channel, true);
        });
        registry.AddActivityFunc<ChannelOutcome, ChannelResult>(nameof(ApplyChannelResultActivity), (_, o) =>
            Note("apply", o.Request.Channel, new ChannelResult(o.Request.Channel, o.Result.To ?? ChannelState.Pending, o.Result.Url, o.Result.Error)));
        registry.AddActivityFunc<HoldChannel, ChannelResult>(nameof(HoldChannelActivity), (_, h) =>
            Note("hold", h.Request.Channel, new ChannelResult(h.Request.Channel, ChannelState.Pending, null, h.Reason)));
        registry.AddActivityFunc<SettleChannel, ChannelResult>(nameof(SettleChannelActivity), (_, s) =>
            Note("settle", s.Request.Channel, new ChannelResult(s.Request.Channel, ChannelState.Failed, null, s.Error)));
        registry.AddActivityFunc<ItemVersionRef, IReadOnlyList<HeldChannel>>(nameof(ListHeldChannelsActivity), (_, _) =>
            (IReadOnlyList<HeldChannel>)[new HeldChannel("weibo", 1)]);
        registry.AddActivityFunc<FinishPublishing, PublishOutcome>(nameof(FinishPublishingActivity), (_, f) =>
            Note("finish", "", new PublishOutcome(ItemStatus.Published, [])));
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    T Note<T>(string step, string channel, T result)
    {
        log.Enqueue((step, channel, DateTime.UtcNow));
        return result;
    }

    static PublishInput Input(DateTimeOffset? publishAt = null, params string[] channels) =>
        new("item", 1, "hash", channels.Length > 0 ? channels : ["website", "wechat", "weibo"], publishAt, "editor1");

    async Task<OrchestrationMetadata> RunAsync(string orchestrator, object input, string id)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done;
    }

    DateTime At(string step, string channel) => log.Single(e => e.Step == step && e.Channel == channel).At;

    [Fact]
    public async Task Publish_WritesTheWebsiteFirst_ThenSendsTheSocialChannelsTogether()
    {
        await RunAsync(nameof(PublishOrchestrator), Input(), "publish-order");

        Assert.True(At("send-start", "weibo") >= At("apply", "website"), "Weibo was sent before the website page was up");
        Assert.True(At("send-start", "wechat") >= At("apply", "website"), "WeChat was sent before the website page was up");
        // Together, not one after the other: each started before the other ended.
        Assert.True(At("send-start", "weibo") < At("send-end", "wechat") && At("send-start", "wechat") < At("send-end", "weibo"));
        Assert.True(At(AuditActions.PublishingStarted, "") <= At("send-start", "website"));
        Assert.Equal("finish", log.Last().Step);
    }

    [Fact]
    public async Task Publish_WebsiteFailed_SocialChannelsAreHeldNotSent()
    {
        websiteOutcome = ChannelState.Failed;

        await RunAsync(nameof(PublishOrchestrator), Input(), "publish-held");

        Assert.DoesNotContain(log, e => e.Step == "send-start" && e.Channel != "website");
        Assert.Equal(["wechat", "weibo"], log.Where(e => e.Step == "hold").Select(e => e.Channel).Order());
    }

    [Fact]
    public async Task RetryOfTheWebsite_SendsTheChannelsHeldForIt()
    {
        await RunAsync(nameof(RetryChannelOrchestrator), new RetryChannelInput(Input(), "website", 2), "retry-website");

        Assert.Equal(["website", "weibo"], log.Where(e => e.Step == "send-start").Select(e => e.Channel));
        Assert.True(At("send-start", "weibo") >= At("apply", "website"));
    }

    [Fact]
    public async Task ScheduledPublish_CancelledBeforePublishAt_SendsNothing()
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(PublishOrchestrator), Input(DateTimeOffset.UtcNow.AddHours(1)),
            new StartOrchestrationOptions("scheduled"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!log.Any(e => e.Step == AuditActions.Scheduled) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await host.Client.RaiseEventAsync("scheduled", ItemCommand.EventName,
            new ItemCommand(ItemCommandType.Review, "other", "editor1", "王编辑", 1, DateTimeOffset.UtcNow));
        await host.Client.RaiseEventAsync("scheduled", ItemCommand.EventName,
            new ItemCommand(ItemCommandType.CancelSchedule, "c1", "editor1", "王编辑", 1, DateTimeOffset.UtcNow));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await host.Client.WaitForInstanceCompletionAsync("scheduled", getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(ItemStatus.Approved, done.ReadOutputAs<PublishOutcome>()!.Status);
        Assert.Contains(log, e => e.Step == AuditActions.ScheduleCancelled);
        Assert.DoesNotContain(log, e => e.Step == "send-start");
    }
}
