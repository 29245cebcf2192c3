using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Publishing.Channels.Weibo;

/// <summary>
/// Posts to 政务微博 by sharing a link to the website article (<c>statuses/share</c>), and retracts posts.
/// A share is sent at most once: a lost answer is <see cref="WeiboOutcomeUnknownException"/>, never a silent retry.
/// </summary>
public sealed partial class WeiboClient(HttpClient http, IOptionsMonitor<WeiboOptions> options, ILogger<WeiboClient> logger)
{
    const string SharePath = "2/statuses/share.json";
    const string DestroyPath = "2/statuses/destroy.json";

    /// <summary>
    /// Posts <paramref name="status"/> (≤ 140 汉字 with a link on the app's safe domain; see <see cref="WeiboStatusComposer"/>),
    /// optionally with one picture (JPEG/GIF/PNG &lt; 5 MB).
    /// </summary>
    public async Task<WeiboStatus> ShareAsync(string status, byte[]? picture, string? pictureFileName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var fields = Fields(("status", status));
        using var content = picture is null ? (HttpContent)new FormUrlEncodedContent(fields) : Multipart(fields, picture, pictureFileName);
        using var body = await SendAsync(SharePath, content, atMostOnce: true, cancellationToken).ConfigureAwait(false);

        var root = body.RootElement;
        long id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out long number)
            ? number
            : long.TryParse(root.TryGetProperty("idstr", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null, out long parsed)
                ? parsed
                // Weibo answered success but we cannot tell which post it made: a person must look.
                : throw new WeiboOutcomeUnknownException(SharePath, new InvalidDataException("Weibo share response has no id."));
        string idStr = root.TryGetProperty("idstr", out var idStrElement) && idStrElement.ValueKind == JsonValueKind.String && idStrElement.GetString() is { Length: > 0 } text
            ? text
            : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        LogShared(logger, idStr);
        return new WeiboStatus(id, idStr);
    }

    /// <summary>Retracts a weibo. Repeating it is harmless, so a post that is already gone (20101) counts as success.</summary>
    public async Task DestroyAsync(long id, CancellationToken cancellationToken = default)
    {
        var fields = Fields(("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var content = new FormUrlEncodedContent(fields);
        try
        {
            using var body = await SendAsync(DestroyPath, content, atMostOnce: false, cancellationToken).ConfigureAwait(false);
        }
        catch (WeiboApiException exception) when (exception.ErrorCode == WeiboErrorCodes.StatusNotFound)
        {
            LogAlreadyGone(logger, id);
            return;
        }

        LogDestroyed(logger, id);
    }

    List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] extra)
    {
        var current = options.CurrentValue;
        if (!current.IsConfigured)
        {
            throw new InvalidOperationException("Weibo AccessToken is not configured (preview mode).");
        }

        var fields = new List<KeyValuePair<string, string>> { new("access_token", current.AccessToken!) };
        fields.AddRange(extra.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        if (!string.IsNullOrWhiteSpace(current.Rip))
        {
            fields.Add(new("rip", current.Rip));
        }

        return fields;
    }

    static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> fields, byte[] picture, string? fileName)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            var part = new StringContent(value);
            part.Headers.ContentType = null;
            content.Add(part, name);
        }

        string extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        string mediaType = extension switch { ".png" => "image/png", ".gif" => "image/gif", _ => "image/jpeg" };
        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Add(file, "pic", "pic" + (extension is ".png" or ".gif" ? extension : ".jpg"));
        return content;
    }

    async Task<JsonDocument> SendAsync(string path, HttpContent content, bool atMostOnce, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Options.Set(ChannelResilience.AtMostOnce, atMostOnce);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonDocument? document = TryParse(text);
            if (document is not null && ErrorOf(document.RootElement) is { } error)
            {
                document.Dispose();
                throw error;
            }

            if (!response.IsSuccessStatusCode || document is null)
            {
                document?.Dispose();
                throw new HttpRequestException($"Weibo answered HTTP {(int)response.StatusCode} without a result.", null, response.StatusCode);
            }

            return document;
        }
        catch (Exception exception) when (atMostOnce && MayHaveBeenReceived(exception))
        {
            LogOutcomeUnknown(logger, exception, path);
            throw new WeiboOutcomeUnknownException(path, exception);
        }
    }

    static JsonDocument? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static WeiboApiException? ErrorOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var code)
            && ErrorCodeOf(code) is int number && number != 0
            ? new WeiboApiException(number, root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty)
            : null;

    /// <summary>Weibo documents <c>error_code</c> as a string ("20053") but has sent numbers too.</summary>
    static int? ErrorCodeOf(JsonElement code) => code.ValueKind switch
    {
        JsonValueKind.Number when code.TryGetInt32(out int number) => number,
        JsonValueKind.String when int.TryParse(code.GetString(), System.Globalization.CultureInfo.InvariantCulture, out int number) => number,
        _ => null,
    };

    static bool MayHaveBeenReceived(Exception exception) => exception switch
    {
        WeiboApiException or BrokenCircuitException or IsolatedCircuitException => false,
        // A 4xx without an error body was refused; a 5xx or a 200 without a status may have been acted on.
        HttpRequestException http when http.StatusCode is { } status => (int)status >= 500 || (int)status < 300,
        HttpRequestException http => !ChannelResilience.NeverSent(http),
        TimeoutRejectedException or OperationCanceledException or IOException => true,
        _ => false,
    };

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Weibo status {StatusId} posted")]
    private static partial void LogShared(ILogger logger, string statusId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Weibo status {StatusId} destroyed")]
    private static partial void LogDestroyed(ILogger logger, long statusId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Weibo status {StatusId} was already gone")]
    private static partial void LogAlreadyGone(ILogger logger, long statusId);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Weibo {Path}: no answer after the request may have been received; outcome unknown, not retried")]
    private static partial void LogOutcomeUnknown(ILogger logger, Exception exception, string path);
}
