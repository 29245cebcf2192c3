using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Publishing.Channels.WeChat;

namespace Publishing.Functions.Http;

/// <summary>The Official Account's server URL: excluded from Easy Auth, authenticated by WeChat's signature.</summary>
public static class WeChatEventsFunctions
{
    [Function(nameof(WeChatEventsApi.Verify))]
    public static IActionResult Verify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/channels/wechat/events")] HttpRequest request)
    {
        var query = request.Query;
        return new ResultAdapter(WeChatEventsApi.Verify(request.HttpContext, query["signature"], query["timestamp"], query["nonce"], query["echostr"]));
    }

    [Function(nameof(WeChatEventsApi.Receive))]
    public static IActionResult Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/channels/wechat/events")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        var query = request.Query;
        return new ResultAdapter(WeChatEventsApi.Receive(request.HttpContext, query["signature"], query["timestamp"], query["nonce"],
            durable, request.HttpContext.RequestAborted));
    }
}
