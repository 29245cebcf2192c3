using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Http;
using Publishing.Lifecycle;

namespace Publishing.Channels.WeChat;

/// <summary>
/// The Official Account's server URL, <c>/api/channels/wechat/events</c>. WeChat proves itself by signature (no
/// user identity): GET is URL verification, POST delivers events such as PUBLISHJOBFINISH.
/// </summary>
/// <remarks>
/// A signed URL can leak (logs, proxies), so a POST is accepted only with a fresh timestamp and a nonce never
/// seen before, in safe mode only encrypted for this AppId, and a PUBLISHJOBFINISH only moves the publication
/// once <c>freepublish/get</c> confirms it: the orchestration receives WeChat's answer, never the callback's claims.
/// </remarks>
public static class WeChatEventsApi
{
    const int MaxBodyBytes = 64 * 1024;

    /// <summary>freepublish/get publish_status while the job runs.</summary>
    const int StillPublishing = 1;

    public static IResult Verify(HttpContext context, string? signature, string? timestamp, string? nonce, string? echostr)
    {
        var services = context.RequestServices;
        string? token = services.GetRequiredService<IOptions<WeChatOptions>>().Value.CallbackToken;
        if (!ChannelSecrets.IsSet(token) || !WeChatSignature.Verify(token, timestamp, nonce, signature) || echostr is null)
        {
            return Refused(BadSignatureDetail);
        }

        if (!WeChatSignature.IsFresh(timestamp, services.GetRequiredService<TimeProvider>().GetUtcNow()))
        {
            return Refused(StaleDetail);
        }

        return TypedResults.Text(echostr, "text/plain");
    }

    public static async Task<IResult> Receive(
        HttpContext context, string? signature, string? timestamp, string? nonce, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeChatEventsApi).FullName!);
        if (options.CallbackToken is not { } token || !ChannelSecrets.IsSet(token))
        {
            return Refused(BadSignatureDetail);
        }

        string? body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return ApiProblems.TooLarge("回调消息过大。");
        }

        string? xml = OpenMessage(options, token, context.Request.Query, signature, timestamp, nonce, body, out string? refusal);
        if (xml is null)
        {
            WeChatCallbackLog.Refused(logger, refusal!);
            return Refused(refusal!);
        }

        if (!WeChatSignature.IsFresh(timestamp, services.GetRequiredService<TimeProvider>().GetUtcNow()))
        {
            WeChatCallbackLog.Refused(logger, StaleDetail);
            return Refused(StaleDetail);
        }

        if (!await services.GetRequiredService<WeChatNonceCache>().TryClaimAsync(timestamp!, nonce!, cancellationToken))
        {
            WeChatCallbackLog.Replayed(logger, timestamp!);
            return Refused(ReplayDetail);
        }

        // WeChat expects "success" for events we don't act on; anything else makes it retry.
        if (!WeChatCallbackParser.TryParsePublishJobFinish(xml, out var claimed))
        {
            return Success();
        }

        if (claimed.ArticleUrl is not null && !WeChatCallbackParser.IsOfficialArticleUrl(claimed.ArticleUrl))
        {
            WeChatCallbackLog.ForeignArticleUrl(logger, claimed.PublishId);
            return Success();
        }

        var publication = await services.GetRequiredService<PublicationStore>().FindByWeChatPublishIdAsync(claimed.PublishId, cancellationToken);
        if (publication is not { InstanceId: { Length: > 0 } instanceId })
        {
            return Success();
        }

        WeChatPublishStatus confirmed;
        try
        {
            confirmed = await services.GetRequiredService<WeChatClient>().GetPublishStatusAsync(claimed.PublishId, cancellationToken);
        }
        catch (Exception exception) when (exception is WeChatApiException or HttpRequestException or InvalidDataException or Polly.ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Not confirmed now: the orchestration's freepublish/get fallback reads the result later.
            WeChatCallbackLog.NotConfirmed(logger, exception, claimed.PublishId);
            return Success();
        }

        if (confirmed.PublishStatus == StillPublishing)
        {
            return Success();
        }

        if (!WeChatCallbackParser.IsOfficialArticleUrl(confirmed.ArticleUrl))
        {
            confirmed = confirmed with { ArticleUrl = null };
        }

        await durable.RaiseEventAsync(instanceId, WeChatPublishOrchestrator.FinishedEvent, confirmed, cancellationToken);
        return Success();
    }

    /// <summary>The plaintext XML of an authentic callback, or null with the reason.</summary>
    static string? OpenMessage(
        WeChatOptions options, string token, IQueryCollection query, string? signature, string? timestamp, string? nonce, string body,
        out string? refusal)
    {
        refusal = null;
        bool encrypted = string.Equals(query["encrypt_type"], "aes", StringComparison.OrdinalIgnoreCase);
        if (!options.SafeMode)
        {
            if (encrypted || !WeChatSignature.Verify(token, timestamp, nonce, signature))
            {
                refusal = encrypted ? SafeModeNotConfiguredDetail : BadSignatureDetail;
                return null;
            }

            return body;
        }

        // Safe mode: a plaintext body is refused even with a valid signature, which a leaked URL would carry.
        if (!encrypted || !WeChatCallbackParser.TryReadEncrypted(body, out string cipher)
            || !WeChatSignature.VerifyMessage(token, timestamp, nonce, cipher, query["msg_signature"]))
        {
            refusal = encrypted ? BadSignatureDetail : PlaintextRefusedDetail;
            return null;
        }

        if (!new WeChatMessageCrypto(options.EncodingAesKey!, options.AppId!).TryDecrypt(cipher, out string xml))
        {
            refusal = DecryptFailedDetail;
            return null;
        }

        return xml;
    }

    /// <summary>The body as text, or null when it exceeds <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        byte[] buffer = new byte[MaxBodyBytes + 1];
        int total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > MaxBodyBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    const string BadSignatureDetail = "回调签名校验失败：请求不是来自微信服务器，或公众平台配置的 Token 与 Publishing__WeChat__CallbackToken 不一致。";
    const string StaleDetail = "回调时间戳与服务器时间相差超过 5 分钟，已拒绝（可能是重放的旧请求，或服务器时钟不准）。";
    const string ReplayDetail = "该回调请求（timestamp 与 nonce）已处理过，重复的请求已拒绝。";
    const string PlaintextRefusedDetail = "已启用安全模式（Publishing__WeChat__EncodingAesKey），明文回调一律拒绝：请在公众平台将消息加解密方式设为安全模式。";
    const string SafeModeNotConfiguredDetail = "回调为加密消息，但未配置 Publishing__WeChat__EncodingAesKey：请填写公众平台的消息加解密密钥。";
    const string DecryptFailedDetail = "回调消息无法解密，或不是发给本公众号（AppId 不符）：请核对 EncodingAESKey 与 AppId。";

    static IResult Success() => TypedResults.Text("success", "text/plain");

    static IResult Refused(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "签名无效");
}
