using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Functions.Durable;
using Publishing.Functions.Http;
using Publishing.Functions.Tests.Support;
using Publishing.Lifecycle;

namespace Publishing.Functions.Tests.Durable;

/// <summary>
/// The PUBLISHJOBFINISH callback reaches the WeChat orchestration that waits for it, through the Functions app's
/// wrappers: the orchestrator wrapper, the activity wrapper that indexes the job under the waiting instance's id, and
/// the callback's HTTP trigger, on a durable engine with the library's stores on Azurite. The draft and
/// submit steps (WeChat's API) and the final write are stand-ins.
/// </summary>
public sealed class WeChatCallbackTests : IAsyncLifetime
{
    readonly string publishId = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
    ServiceProvider services = null!;
    DurableTaskTestHost durable = null!;

    public async Task InitializeAsync()
    {
        // The callback is confirmed with freepublish/get before it is raised: WeChat answers from a stand-in.
        services = FunctionsApp.Services(s =>
        {
            s.Configure<WeChatOptions>(o => { o.AppId = "wx0123456789abcdef"; o.AppSecret = "test-app-secret"; o.BaseUrl = new Uri("http://wechat.test/"); });
            s.AddHttpClient(WeChatTokenCache.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new WeChatStandIn());
            s.AddHttpClient<WeChatClient>().ConfigurePrimaryHttpMessageHandler(() => new WeChatStandIn());
        });
        // Through a delegate: the Durable Task analyzers cannot follow a call into another assembly's orchestrator.
        Func<TaskOrchestrationContext, Task<ChannelResult>> orchestratorWrapper = PublishWorkflowFunctions.WeChatPublishOrchestrator;
        durable = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<ChannelPublishRequest, ChannelResult>(nameof(WeChatPublishOrchestrator),
                (context, _) => orchestratorWrapper(context));
            registry.AddActivityFunc<ChannelPublishRequest, WeChatStep>(nameof(WeChatDraftActivity), (_, _) => new WeChatStep(null));
            // Polling only after an hour: within this test only the callback can end the wait.
            registry.AddActivityFunc<ChannelPublishRequest, WeChatStep>(nameof(WeChatSubmitActivity), (_, _) =>
                new WeChatStep(null, publishId, TimeSpan.FromHours(1), MaxPolls: 1));
            registry.AddActivityFunc<WeChatSubmission, bool>(nameof(WeChatRecordSubmissionActivity), (context, input) =>
                PublishWorkflowFunctions.WeChatRecordSubmission(input, context.InstanceId, new TestFunctionContext(services)));
            registry.AddActivityFunc<ChannelOutcome, ChannelResult>(nameof(ApplyChannelResultActivity), (_, outcome) =>
                new ChannelResult(outcome.Request.Channel, outcome.Result.To ?? ChannelState.Unknown, outcome.Result.Url, outcome.Result.Error));
        });
    }

    [Fact]
    public async Task PublishJobFinish_PostedToTheCallbackTrigger_CompletesTheWaitingOrchestration()
    {
        string itemId = "item" + Guid.NewGuid().ToString("N");
        var request = new ChannelPublishRequest(itemId, 1, "sha256-test", "wechat");
        await services.GetRequiredService<PublicationStore>().GetOrCreateAsync(itemId, 1, "wechat");
        string instanceId = ItemInstances.WeChat(itemId, 1, 1);
        await durable.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WeChatPublishOrchestrator), request, new StartOrchestrationOptions(instanceId));
        await WaitUntilIndexedAsync(instanceId);

        var answer = await PostCallbackAsync(PublishJobFinishXml(publishId, "2247483650_1", "https://mp.weixin.qq.com/s/finished"));

        Assert.Equal(("success", 200), answer);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await durable.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<ChannelResult>()!;
        Assert.Equal(ChannelState.Published, result.State);
        Assert.Equal("https://mp.weixin.qq.com/s/finished", result.Url);
    }

    /// <summary>The index the callback reads names the waiting orchestration (the record activity ran through its wrapper).</summary>
    async Task WaitUntilIndexedAsync(string instanceId)
    {
        var store = services.GetRequiredService<PublicationStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await store.FindByWeChatPublishIdAsync(publishId) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the submission was never indexed");
            await Task.Delay(100);
        }

        Assert.Equal(instanceId, (await store.FindByWeChatPublishIdAsync(publishId))!.Value.InstanceId);
    }

    async Task<(string Body, int Status)> PostCallbackAsync(string xml)
    {
        string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        string nonce = Guid.NewGuid().ToString("N")[..10];
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.Path = "/api/channels/wechat/events";
        string signature = WeChatSignature.Compute(FunctionsApp.CallbackToken, timestamp, nonce);
        context.Request.QueryString = new QueryString($"?signature={signature}&timestamp={timestamp}&nonce={nonce}");
        context.Request.ContentType = "text/xml";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        context.Response.Body = new MemoryStream();

        object returned = WeChatEventsFunctions.Receive(context.Request, durable.Client);
        IActionResult result = returned is Task<IActionResult> running ? await running : (IActionResult)returned;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return (await new StreamReader(context.Response.Body).ReadToEndAsync(), context.Response.StatusCode);
    }

    static string PublishJobFinishXml(string publishId, string articleId, string articleUrl) =>
        $"<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><FromUserName><![CDATA[oaKk346BaxOTWWnsnCa-eXAMPLE]]></FromUserName>" +
        $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event>" +
        $"<PublishEventInfo><publish_id>{publishId}</publish_id><publish_status>0</publish_status><article_id><![CDATA[{articleId}]]></article_id>" +
        $"<article_detail><count>1</count><item><idx>1</idx><article_url><![CDATA[{articleUrl}]]></article_url></item></article_detail></PublishEventInfo></xml>";

    public async Task DisposeAsync()
    {
        await durable.DisposeAsync();
        await services.DisposeAsync();
    }

    /// <summary>Answers the token request and freepublish/get with a finished job, as WeChat does for a published article.</summary>
    sealed class WeChatStandIn : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string path = request.RequestUri!.AbsolutePath;
            string json = path.EndsWith("stable_token", StringComparison.Ordinal)
                ? """{"access_token":"stand-in-token","expires_in":7200}"""
                : path.EndsWith("freepublish/get", StringComparison.Ordinal)
                    ? """{"errcode":0,"errmsg":"ok","publish_status":0,"article_id":"2247483650_1","article_detail":{"count":1,"item":[{"idx":1,"article_url":"https://mp.weixin.qq.com/s/finished"}]},"fail_idx":[]}"""
                    : """{"errcode":40001,"errmsg":"unexpected in this test"}""";
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            });
        }
    }
}
