using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Publishing.Channels.WeChat;

/// <summary>
/// The WeChat Official Account calls the publish flow needs: body images, cover, draft, free publish, status, retraction.
/// Errors are <see cref="WeChatApiException"/>; a rejected token is refreshed and the call repeated once.
/// Submit and delete are sent at most once: when their answer is lost the caller gets
/// <see cref="WeChatOutcomeUnknownException"/> and must not blindly send again.
/// </summary>
public sealed partial class WeChatClient(
    HttpClient http,
    WeChatTokenCache tokens,
    IOptionsMonitor<WeChatOptions> options,
    ILogger<WeChatClient> logger)
{
    /// <summary>Uploads an image used inside the article body (jpg/png, &lt; 1 MB); returns the URL to put in <c>img src</c>.</summary>
    public async Task<string> UploadBodyImageAsync(byte[] bytes, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var body = await CallAsync("cgi-bin/media/uploadimg", string.Empty, () => WeChatMultipart.Media(bytes, fileName, contentType),
            atMostOnce: false, cancellationToken).ConfigureAwait(false);
        return RequiredString(body.RootElement, "url");
    }

    /// <summary>Uploads the cover as permanent thumb material (JPG ≤ 64 KB); returns its <c>media_id</c>.</summary>
    public async Task<string> AddThumbAsync(byte[] bytes, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var body = await CallAsync("cgi-bin/material/add_material", "&type=thumb", () => WeChatMultipart.Media(bytes, fileName, "image/jpeg"),
            atMostOnce: false, cancellationToken).ConfigureAwait(false);
        return RequiredString(body.RootElement, "media_id");
    }

    /// <summary>
    /// Creates a draft with one article and returns its <c>media_id</c>. An empty digest becomes the first 54 characters
    /// of the body text. Throws <see cref="ArgumentException"/> with Chinese messages when <see cref="WeChatLimits"/> are exceeded.
    /// </summary>
    public async Task<string> AddDraftAsync(WeChatDraftArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var draft = article with
        {
            Author = string.IsNullOrWhiteSpace(article.Author) ? options.CurrentValue.Author : article.Author,
            Digest = string.IsNullOrWhiteSpace(article.Digest) ? WeChatLimits.DefaultDigest(article.Content) : article.Digest,
        };
        var problems = WeChatLimits.Validate(draft);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("；", problems), nameof(article));
        }

        var payload = new WeChatDraftPayload([WeChatDraftPayload.Article.From(draft)]);
        using var body = await CallAsync("cgi-bin/draft/add", string.Empty, () => JsonContent.Create(payload, options: WeChatJson.Options),
            atMostOnce: false, cancellationToken).ConfigureAwait(false);
        return RequiredString(body.RootElement, "media_id");
    }

    /// <summary>
    /// Asks WeChat to publish the draft (errcode 0 means the task was accepted, not that it is public).
    /// Never repeated automatically once it may have been received; see <see cref="WeChatOutcomeUnknownException"/>.
    /// </summary>
    public async Task<WeChatSubmitResult> SubmitPublishAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        using var body = await CallAsync("cgi-bin/freepublish/submit", string.Empty,
            () => JsonContent.Create(new { media_id = mediaId }, options: WeChatJson.Options),
            atMostOnce: true, cancellationToken).ConfigureAwait(false);
        var root = body.RootElement;
        string publishId = WeChatJson.IdString(root, "publish_id")
            ?? throw new InvalidDataException("WeChat freepublish/submit response has no publish_id.");
        LogSubmitted(logger, mediaId, publishId);
        return new WeChatSubmitResult(publishId, WeChatJson.IdString(root, "msg_data_id"));
    }

    /// <summary>Polls a publish task (fallback for the PUBLISHJOBFINISH callback; only 100 calls a day on new accounts).</summary>
    public async Task<WeChatPublishStatus> GetPublishStatusAsync(string publishId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(publishId);
        using var body = await CallAsync("cgi-bin/freepublish/get", string.Empty,
            () => JsonContent.Create(new { publish_id = publishId }, options: WeChatJson.Options),
            atMostOnce: false, cancellationToken).ConfigureAwait(false);
        return WeChatPublishStatusReader.FromJson(body.RootElement, publishId);
    }

    /// <summary>Retracts a published article (index 1-based, 0 = all); irreversible, 10 a day, sent at most once.</summary>
    public async Task DeleteArticleAsync(string articleId, int index, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        using var body = await CallAsync("cgi-bin/freepublish/delete", string.Empty,
            () => JsonContent.Create(new { article_id = articleId, index }, options: WeChatJson.Options),
            atMostOnce: true, cancellationToken).ConfigureAwait(false);
        LogDeleted(logger, articleId, index);
    }

    async Task<JsonDocument> CallAsync(string path, string query, Func<HttpContent> content, bool atMostOnce, CancellationToken cancellationToken)
    {
        string token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAsync(path, query, token, content(), atMostOnce, cancellationToken).ConfigureAwait(false);
        }
        catch (WeChatApiException exception) when (exception.IsTokenRejected)
        {
            // The request was refused before WeChat acted on it, so repeating it once is safe even for submit.
            LogTokenRejected(logger, path, exception.ErrorCode);
            token = await tokens.ForceRefreshAsync(token, cancellationToken).ConfigureAwait(false);
            return await SendAsync(path, query, token, content(), atMostOnce, cancellationToken).ConfigureAwait(false);
        }
    }

    async Task<JsonDocument> SendAsync(string path, string query, string token, HttpContent content, bool atMostOnce, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?access_token={Uri.EscapeDataString(token)}{query}") { Content = content };
        request.Options.Set(ChannelResilience.AtMostOnce, atMostOnce);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (atMostOnce && (int)response.StatusCode >= 500)
            {
                // A gateway error does not prove the backend did not act.
                throw new HttpRequestException($"WeChat answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
            }

            response.EnsureSuccessStatusCode();
            return await WeChatJson.ReadCheckedAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (atMostOnce && MayHaveBeenReceived(exception))
        {
            LogOutcomeUnknown(logger, exception, path);
            throw new WeChatOutcomeUnknownException(path, exception);
        }
    }

    static bool MayHaveBeenReceived(Exception exception) => exception switch
    {
        WeChatApiException or BrokenCircuitException or IsolatedCircuitException => false,
        HttpRequestException http when http.StatusCode is { } status => (int)status >= 500,
        HttpRequestException http => !ChannelResilience.NeverSent(http),
        TimeoutRejectedException or OperationCanceledException or IOException or InvalidDataException => true,
        _ => false,
    };

    static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"WeChat response has no {name}.");

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "WeChat publish submitted: media {MediaId} → publish {PublishId}")]
    private static partial void LogSubmitted(ILogger logger, string mediaId, string publishId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "WeChat article {ArticleId} index {Index} deleted")]
    private static partial void LogDeleted(ILogger logger, string articleId, int index);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "WeChat rejected the access token on {Path} ({ErrorCode}); refreshing and retrying once")]
    private static partial void LogTokenRejected(ILogger logger, string path, int errorCode);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "WeChat {Path}: no answer after the request may have been received; outcome unknown, not retried")]
    private static partial void LogOutcomeUnknown(ILogger logger, Exception exception, string path);
}
