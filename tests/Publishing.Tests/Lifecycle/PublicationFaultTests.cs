using Microsoft.Extensions.DependencyInjection;
using Publishing.Audit;
using Publishing.Channels;
using Publishing.Lifecycle;
using Publishing.Testing.Fakes;
using Publishing.Tests.Support;
using Xunit.Abstractions;

namespace Publishing.Tests.Lifecycle;

/// <summary>
/// 一稿多发 and retraction under real faults: storage calls failed by a pipeline policy, platforms that refuse,
/// operators pressing a button at once. The workflow runs on the in-process engine with the real activities.
/// </summary>
public sealed class PublicationFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    PublishingHarness harness = null!;

    public async Task InitializeAsync() => harness = await PublishingHarness.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Publishing:WeChat:PollAfter"] = "00:00:02",
        ["Publishing:WeChat:MaxPolls"] = "6",
    });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task StorageErrorRightAfterTheWeiboShare_ChannelNeverFailed_RetrySendsNothing_ExactlyOnePost()
    {
        string id = await harness.SeedApprovedAsync("商务局发布重点商品价格监测情况", "weibo");
        // The write of the result fails before it reaches storage, and its repetition fails after it was applied.
        harness.TableFaults.Fail(m => StorageFaults.IsTableWrite(m, PublicationStore.TableName) && harness.Weibo.CallCount(WeiboFake.SharePath) > 0);
        harness.TableFaults.Fail(m => StorageFaults.IsTableWrite(m, PublicationStore.TableName) && harness.Weibo.CallCount(WeiboFake.SharePath) > 0,
            StorageFaults.When.AfterApplied);

        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));

        var record = (await harness.Publications.GetAsync(id, 1, "weibo"))!;
        Assert.Equal(2, harness.TableFaults.Injected);
        Assert.Equal(ChannelState.Published, record.State);
        Assert.NotNull(record.WeiboId);
        Assert.DoesNotContain("failed", harness.TableFaults.PublicationStatesWritten);
        var retry = await harness.Commands.RetryAsync(PublishingHarness.Admin, id, "weibo", harness.Client, default);
        Assert.IsType<ChannelCommands.Refused>(retry);
        Assert.Equal(1, harness.Weibo.CallCount(WeiboFake.SharePath));
        Assert.Single(harness.Weibo.Posts);
        output.WriteLine($"faults injected {harness.TableFaults.Injected}, shares seen {harness.Weibo.CallCount(WeiboFake.SharePath)}, states written: {string.Join(" → ", harness.TableFaults.PublicationStatesWritten)}");
    }

    [Fact]
    public async Task StorageErrorRightAfterTheWeChatSubmit_ChannelNeverFailed_RetrySendsNothing_ExactlyOneSubmit()
    {
        string id = await harness.SeedApprovedAsync("商务局开展消费品以旧换新政策宣传", "wechat");
        harness.TableFaults.Fail(m => StorageFaults.IsTableWrite(m, PublicationStore.TableName) && harness.WeChat.CallCount(WeChatFake.SubmitPath) > 0, times: 2);
        harness.TableFaults.Fail(m => StorageFaults.IsTableWrite(m, PublicationStore.TableName) && harness.WeChat.CallCount(WeChatFake.SubmitPath) > 0,
            StorageFaults.When.AfterApplied);

        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));

        var record = (await harness.Publications.GetAsync(id, 1, "wechat"))!;
        Assert.Equal(3, harness.TableFaults.Injected);
        Assert.Equal(ChannelState.Published, record.State);
        Assert.NotNull(record.ArticleId);
        Assert.DoesNotContain("failed", harness.TableFaults.PublicationStatesWritten);
        Assert.IsType<ChannelCommands.Refused>(await harness.Commands.RetryAsync(PublishingHarness.Admin, id, "wechat", harness.Client, default));
        Assert.Equal(1, harness.WeChat.CallCount(WeChatFake.SubmitPath));
        output.WriteLine($"faults injected {harness.TableFaults.Injected}, submits seen {harness.WeChat.CallCount(WeChatFake.SubmitPath)}");
    }

    [Fact]
    public async Task EightConcurrentRetries_StartOneAttempt_SevenAreToldItIsRunning_OnePost()
    {
        string id = await harness.SeedApprovedAsync("商务局举办跨境电商培训班", "weibo");
        harness.Weibo.FailNext(WeiboFake.SharePath, 10017);
        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));
        Assert.Equal(ChannelState.Failed, (await harness.Publications.GetAsync(id, 1, "weibo"))!.State);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => harness.Commands.RetryAsync(PublishingHarness.Admin, id, "weibo", harness.Client, default))));

        var started = Assert.Single(outcomes.OfType<ChannelCommands.Started>());
        var refused = outcomes.OfType<ChannelCommands.Refused>().ToList();
        Assert.Equal(7, refused.Count);
        Assert.All(refused, r => Assert.Contains(ChannelCommands.RetryInProgress, r.Detail));
        Assert.Equal(ItemInstances.Retry(id, 1, "weibo", 2), started.InstanceId);
        await harness.CompletedAsync(started.InstanceId);
        Assert.Equal(ChannelState.Published, (await harness.Publications.GetAsync(id, 1, "weibo"))!.State);
        Assert.Single(harness.Weibo.Posts);
        Assert.Equal(ItemStatus.Published, (await harness.Items.GetAsync(id))!.Status);
        output.WriteLine($"retries: {outcomes.Length} requests, 1 started, {refused.Count} refused (409), share requests {harness.Weibo.CallCount(WeiboFake.SharePath)} (1 refused by the platform, 1 posted)");
    }

    [Fact]
    public async Task RetractWhileTheWeChatPublishJobIsInFlight_DeletesAfterTheJobFinishes_AndIsRetractedOnlyThen()
    {
        string id = await harness.SeedApprovedAsync("关于暂停举办展销活动的通知", "wechat");
        harness.WeChat.SetPublishStatus(1); // the job keeps "publishing"
        await harness.PublishAsync(id);
        await harness.WaitForChannelAsync(id, "wechat", r => r.State == ChannelState.Sending && r.PublishId is not null);

        var retract = Assert.IsType<ChannelCommands.Started>(await harness.Commands.RetractAsync(PublishingHarness.Admin, id, "活动取消，信息撤回", harness.Client, default));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(ItemStatus.Retracting, (await harness.Items.GetAsync(id))!.Status);
        Assert.Equal(ChannelState.Sending, (await harness.Publications.GetAsync(id, 1, "wechat"))!.State);
        Assert.Equal(0, harness.WeChat.CallCount(WeChatFake.DeletePath));

        DateTimeOffset jobFinished = DateTimeOffset.UtcNow;
        harness.WeChat.SetPublishStatus(0);
        await harness.CompletedAsync(retract.InstanceId);

        Assert.Equal(ItemStatus.Retracted, (await harness.Items.GetAsync(id))!.Status);
        var record = (await harness.Publications.GetAsync(id, 1, "wechat"))!;
        Assert.Equal(ChannelState.Retracted, record.State);
        var delete = Assert.Single(harness.WeChat.Requests(WeChatFake.DeletePath));
        Assert.True(delete.ReceivedAt >= jobFinished);
        Assert.Equal(record.ArticleId, delete.Json.GetProperty("article_id").GetString());
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));
        Assert.Equal(ItemStatus.Retracted, (await harness.Items.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task RefusedTakedown_IsRetractFailed_RetryIsRefused_AndRetractAgainSucceedsOnceThePlatformAccepts()
    {
        string id = await harness.SeedApprovedAsync("商务局发布一季度消费市场运行情况", "weibo");
        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));
        harness.Weibo.FailNext(WeiboFake.DestroyPath, 20034, "target weibo is locked");

        var first = Assert.IsType<ChannelCommands.Started>(await harness.Commands.RetractAsync(PublishingHarness.Admin, id, "内容有误", harness.Client, default));
        await harness.CompletedAsync(first.InstanceId);
        var failed = (await harness.Publications.GetAsync(id, 1, "weibo"))!;
        Assert.Equal(ChannelState.RetractFailed, failed.State);
        Assert.Contains("微博拒绝删除", failed.LastError);
        Assert.Equal(ItemStatus.RetractFailed, (await harness.Items.GetAsync(id))!.Status);
        Assert.Single(harness.Weibo.Posts);

        var retry = Assert.IsType<ChannelCommands.Refused>(await harness.Commands.RetryAsync(PublishingHarness.Admin, id, "weibo", harness.Client, default));
        Assert.Contains("撤回", retry.Detail);
        Assert.Equal(1, harness.Weibo.CallCount(WeiboFake.SharePath));

        var second = Assert.IsType<ChannelCommands.Started>(await harness.Commands.RetractAsync(PublishingHarness.Admin, id, "内容有误，再次撤回", harness.Client, default));
        Assert.NotEqual(first.InstanceId, second.InstanceId);
        await harness.CompletedAsync(second.InstanceId);
        Assert.Equal(ChannelState.Retracted, (await harness.Publications.GetAsync(id, 1, "weibo"))!.State);
        Assert.Equal(ItemStatus.Retracted, (await harness.Items.GetAsync(id))!.Status);
        Assert.Empty(harness.Weibo.Posts);
        Assert.Equal(2, harness.Weibo.CallCount(WeiboFake.DestroyPath));

        var trail = await harness.Services.GetRequiredService<AuditTrail>().ReadAsync(id);
        Assert.True(trail.Verified);
        var takedowns = trail.Entries.Where(e => e.EventId.Contains("weibo-retract-r", StringComparison.Ordinal)).Select(e => e.Action).ToList();
        Assert.Equal(["channel-retractFailed", "channel-retracted"], takedowns);
    }

    [Fact]
    public async Task WebsiteDown_SocialChannelsAreHeldPendingWithTheReason_AndTheWebsiteRetrySendsThemOnce()
    {
        string id = await harness.SeedApprovedAsync("商务局周末便民服务安排", "website", "weibo");
        harness.BlobFaults.Fail(m => StorageFaults.IsBlobWrite(m, "$web"), times: 1000);

        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1), 120);

        Assert.Equal(ChannelState.Failed, (await harness.Publications.GetAsync(id, 1, "website"))!.State);
        var weibo = (await harness.Publications.GetAsync(id, 1, "weibo"))!;
        Assert.Equal(ChannelState.Pending, weibo.State);
        Assert.Equal(ChannelSteps.WebsiteNotUp, weibo.LastError);
        Assert.Equal(0, harness.Weibo.CallCount(WeiboFake.SharePath));
        Assert.Equal(ItemStatus.Failed, (await harness.Items.GetAsync(id))!.Status);
        Assert.IsType<ChannelCommands.Refused>(await harness.Commands.RetryAsync(PublishingHarness.Admin, id, "weibo", harness.Client, default));

        harness.BlobFaults.Clear();
        var retry = Assert.IsType<ChannelCommands.Started>(await harness.Commands.RetryAsync(PublishingHarness.Admin, id, "website", harness.Client, default));
        await harness.CompletedAsync(retry.InstanceId);

        Assert.Equal(ChannelState.Published, (await harness.Publications.GetAsync(id, 1, "website"))!.State);
        Assert.Equal(ChannelState.Published, (await harness.Publications.GetAsync(id, 1, "weibo"))!.State);
        Assert.Equal(1, harness.Weibo.CallCount(WeiboFake.SharePath));
        Assert.Equal(ItemStatus.Published, (await harness.Items.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task ASendFoundInFlightAgain_IsUnknownNotResent_AndOnlyAPersonsResolutionOpensARetryOrAReachableRetraction()
    {
        string id = await harness.SeedApprovedAsync("商务局组织开展外贸服务月活动", "weibo", "wechat");
        // As after a crash between the claim and the answer: both channels are found "sending" with nothing recorded.
        foreach (string channel in new[] { "weibo", "wechat" })
        {
            await harness.Publications.GetOrCreateAsync(id, 1, channel);
            var draft = await harness.Publications.UpdateAsync(id, 1, channel, r => r with { DraftMediaId = channel == "wechat" ? "draft-1" : null });
            Assert.True((await harness.Publications.TransitionAsync(id, 1, channel, ChannelState.Sending, TransitionCause.Workflow)).Applied);
        }

        await harness.PublishAsync(id);
        await harness.CompletedAsync(ItemInstances.Publish(id, 1));
        Assert.Equal(ChannelState.Unknown, (await harness.Publications.GetAsync(id, 1, "weibo"))!.State);
        Assert.Equal(ChannelState.Unknown, (await harness.Publications.GetAsync(id, 1, "wechat"))!.State);
        Assert.Equal(0, harness.Weibo.CallCount(WeiboFake.SharePath));
        Assert.Equal(0, harness.WeChat.CallCount(WeChatFake.SubmitPath));
        Assert.IsType<ChannelCommands.Refused>(await harness.Commands.RetryAsync(PublishingHarness.Admin, id, "weibo", harness.Client, default));

        // WeChat: a person finds nothing was published, so a retry becomes possible and posts once.
        var notPosted = await harness.Commands.ResolveAsync(PublishingHarness.Admin, id, "wechat",
            new ResolveRequest(ResolveRequest.NotPosted, null, null, "公众平台发表记录中没有此文"), default);
        Assert.IsType<ChannelCommands.Done>(notPosted);
        Assert.Equal(ChannelState.Failed, (await harness.Publications.GetAsync(id, 1, "wechat"))!.State);

        // Weibo: a person finds the post; its id lets the retraction reach it.
        var posted = await harness.Commands.ResolveAsync(PublishingHarness.Admin, id, "weibo",
            new ResolveRequest(ResolveRequest.Posted, "5170000000009999", "https://m.weibo.cn/status/5170000000009999", "微博账号中已看到此条"), default);
        Assert.IsType<ChannelCommands.Done>(posted);
        Assert.IsType<ChannelCommands.Refused>(await harness.Commands.ResolveAsync(PublishingHarness.Admin, id, "weibo",
            new ResolveRequest(ResolveRequest.NotPosted, null, null, "重复登记"), default));
        var weibo = (await harness.Publications.GetAsync(id, 1, "weibo"))!;
        Assert.Equal((ChannelState.Published, "5170000000009999"), (weibo.State, weibo.WeiboId));

        var trail = await harness.Services.GetRequiredService<AuditTrail>().ReadAsync(id);
        Assert.Equal(["admin1", "admin1"], trail.Entries.Where(e => e.Action == AuditActions.Resolved).Select(e => e.Actor));
    }
}
