using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Http;
using Publishing.Lifecycle;

namespace Publishing.Channels.WeChat;

/// <summary>
/// The Official Account's server URL, <c>/api/channels/wechat/events</c>. WeChat proves itself by signature (no
/// user identity): GET is URL verification, POST delivers events such as PUBLISHJOBFINISH.
/// </summary>
public static class WeChatEventsApi
{
    const int MaxBodyBytes = 64 * 1024;

    public static IResult Verify(HttpContext context, string? signature, string? timestamp, string? nonce, string? echostr)
    {
        string? token = context.RequestServices.GetRequiredService<IOptions<WeChatOptions>>().Value.CallbackToken;
        if (!ChannelSecrets.IsSet(token) || !WeChatSignature.Verify(token, timestamp, nonce, signature) || echostr is null)
        {
            return BadSignature();
        }

        return TypedResults.Text(echostr, "text/plain");
    }

    public static async Task<IResult> Receive(
        HttpContext context, string? signature, string? timestamp, string? nonce, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        string? token = services.GetRequiredService<IOptions<WeChatOptions>>().Value.CallbackToken;
        if (!ChannelSecrets.IsSet(token) || !WeChatSignature.Verify(token, timestamp, nonce, signature))
        {
            return BadSignature();
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > MaxBodyBytes)
        {
            return ApiProblems.TooLarge("回调消息过大。");
        }

        // WeChat expects "success" for events we don't act on; anything else makes it retry.
        if (!WeChatCallbackParser.TryParsePublishJobFinish(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), out var status))
        {
            return Success();
        }

        var publication = await services.GetRequiredService<PublicationStore>().FindByWeChatPublishIdAsync(status.PublishId, cancellationToken);
        if (publication is { InstanceId: { Length: > 0 } instanceId })
        {
            await durable.RaiseEventAsync(instanceId, WeChatPublishOrchestrator.FinishedEvent, status, cancellationToken);
        }

        return Success();
    }

    static IResult Success() => TypedResults.Text("success", "text/plain");

    static IResult BadSignature() => TypedResults.Problem(
        detail: "回调签名校验失败：请求不是来自微信服务器，或公众平台配置的 Token 与 Publishing__WeChat__CallbackToken 不一致。",
        statusCode: StatusCodes.Status401Unauthorized, title: "签名无效");
}
