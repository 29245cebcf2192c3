using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Publishing.Testing.Fakes;

/// <summary>
/// The WeChat Official Account API on a loopback port: stable_token, media/uploadimg, material/add_material,
/// draft/add, freepublish/submit|get|delete, with WeChat's HTTP-200 <c>{errcode, errmsg}</c> errors.
/// Point a client at <see cref="Url"/> (e.g. <c>Publishing__WeChat__BaseUrl</c>) with <see cref="AppId"/>/<see cref="AppSecret"/>.
/// </summary>
/// <remarks>
/// Only one access token is valid at a time: a forced refresh invalidates the previous token, as the real
/// stable_token does, so a client that refreshes more than needed makes its own in-flight calls fail.
/// </remarks>
public sealed class WeChatFake : IDisposable
{
    public const string TokenPath = "/cgi-bin/stable_token";
    public const string UploadImagePath = "/cgi-bin/media/uploadimg";
    public const string AddMaterialPath = "/cgi-bin/material/add_material";
    public const string DraftAddPath = "/cgi-bin/draft/add";
    public const string SubmitPath = "/cgi-bin/freepublish/submit";
    public const string GetPath = "/cgi-bin/freepublish/get";
    public const string DeletePath = "/cgi-bin/freepublish/delete";
    public const string DefaultAppId = "wx5f2a9c3e7b1d4086";
    public const string DefaultAppSecret = "3b7e1c9d5a2f48e6b0c4d8a1f7e3c5b9";

    // WeChat labels its JSON this way, not with charset.
    const string ContentType = "application/json; encoding=utf-8";

    readonly WireMockServer _server;
    readonly FakeEndpoints _endpoints = new();
    readonly Lock _gate = new();
    readonly HashSet<string> _thumbs = [];
    readonly Dictionary<string, string> _drafts = [];
    readonly Dictionary<string, string> _publishes = [];
    readonly HashSet<string> _articles = [];
    readonly Dictionary<string, string> _articleUrls = [];
    string _token;
    int? _tokenRejection;
    int _sequence;
    int _publishStatus;

    public WeChatFake(string appId = DefaultAppId, string appSecret = DefaultAppSecret)
    {
        AppId = appId;
        AppSecret = appSecret;
        _token = NewToken();
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string Url => _server.Urls[0];

    public string AppId { get; }

    public string AppSecret { get; }

    /// <summary>Seconds reported as <c>expires_in</c> for new tokens.</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>The one access token the fake accepts now.</summary>
    public string CurrentToken { get { lock (_gate) { return _token; } } }

    /// <summary>How many different tokens stable_token has handed out (1 after start).</summary>
    public int TokensIssued { get; private set; } = 1;

    /// <summary>The current token stops working: the next calls with it get <paramref name="errorCode"/> (42001 expired or 40001 invalid) until a new one is fetched.</summary>
    public void ExpireTokenOnce(int errorCode = 42001)
    {
        lock (_gate)
        {
            _tokenRejection = errorCode;
        }
    }

    public void SetDelay(string path, TimeSpan delay) => _endpoints.SetDelay(path, delay);

    /// <summary>The next <paramref name="times"/> calls to <paramref name="path"/> answer HTTP 200 with this errcode.</summary>
    public void FailNext(string path, int errorCode, string? errorMessage = null, int times = 1) =>
        _endpoints.FailNext(path, new FakeFailure(errorCode, errorMessage ?? DefaultMessage(errorCode), 200), times);

    /// <summary>The next calls to <paramref name="path"/> answer a bare HTTP status, as a gateway in front of WeChat would.</summary>
    public void FailNextWithHttpStatus(string path, int httpStatus, int times = 1) =>
        _endpoints.FailNext(path, new FakeFailure(null, null, httpStatus), times);

    /// <summary>The <c>publish_status</c> freepublish/get reports (0 published, 1 publishing, 3 failed …).</summary>
    public void SetPublishStatus(int publishStatus)
    {
        lock (_gate)
        {
            _publishStatus = publishStatus;
        }
    }

    public int CallCount(string path) => _endpoints.CallCount(path);

    /// <summary>A publish job as if freepublish/submit had accepted a draft; returns its publish_id.</summary>
    public string SeedPublish()
    {
        lock (_gate)
        {
            string publishId = (2247483600 + ++_sequence).ToString(CultureInfo.InvariantCulture);
            _publishes[publishId] = "2247" + RandomDigits(6) + "_1";
            return publishId;
        }
    }

    /// <summary>The article id freepublish/get reports for a publish job once it is published.</summary>
    public string ArticleIdOf(string publishId)
    {
        lock (_gate)
        {
            return _publishes[publishId];
        }
    }

    /// <summary>The article URL freepublish/get reports for a publish job (stable across calls).</summary>
    public string ArticleUrlOf(string publishId)
    {
        lock (_gate)
        {
            return ArticleUrl(publishId);
        }
    }

    public IReadOnlyList<FakeRequest> Requests(string path) => _endpoints.Requests(path);

    /// <summary>The XML WeChat pushes to the account's server URL when a publish task ends.</summary>
    public static string PublishJobFinishXml(string publishId, int publishStatus, string? articleId, string? articleUrl, string toUserName = "gh_4d00ed8d6399") =>
        $"""
        <xml><ToUserName><![CDATA[{toUserName}]]></ToUserName><FromUserName><![CDATA[oaKk346BaxOTWWnsnCa-eXAMPLE]]></FromUserName><CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>{publishId}</publish_id><publish_status>{publishStatus}</publish_status>{(articleId is null ? "" : $"<article_id><![CDATA[{articleId}]]></article_id>")}<article_detail><count>{(articleUrl is null ? 0 : 1)}</count>{(articleUrl is null ? "" : $"<item><idx>1</idx><article_url><![CDATA[{articleUrl}]]></article_url></item>")}</article_detail></PublishEventInfo></xml>
        """;

    public void Dispose() => _server.Stop();

    async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var request = await _endpoints.ReceiveAsync(message).ConfigureAwait(false);
        if (_endpoints.TakeFailure(request.Path) is { } failure)
        {
            return failure.ErrorCode is int code ? Error(code, failure.Message!) : FakeResponses.Status(failure.HttpStatus);
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase) && request.Path != TokenPath)
        {
            return Error(43002, "require POST method");
        }

        lock (_gate)
        {
            if (request.Path == TokenPath)
            {
                return StableToken(request);
            }

            if (!request.Query.TryGetValue("access_token", out var token) || token.Length == 0)
            {
                return Error(41001, "access_token missing");
            }

            if (token != _token)
            {
                return Error(40001, "invalid credential, access_token is invalid or not latest");
            }

            if (_tokenRejection is int rejection)
            {
                return Error(rejection, DefaultMessage(rejection));
            }

            return request.Path switch
            {
                UploadImagePath => UploadImage(request),
                AddMaterialPath => AddMaterial(request),
                DraftAddPath => AddDraft(request),
                SubmitPath => Submit(request),
                GetPath => GetPublish(request),
                DeletePath => Delete(request),
                _ => Error(40066, "invalid url"),
            };
        }
    }

    IResponseMessage StableToken(FakeRequest request)
    {
        JsonElement body;
        try
        {
            body = request.Json;
        }
        catch (JsonException)
        {
            return Error(47001, "data format error");
        }

        if (Text(body, "grant_type") != "client_credential")
        {
            return Error(40002, "invalid grant_type");
        }

        if (Text(body, "appid") != AppId)
        {
            return Error(40013, "invalid appid");
        }

        if (Text(body, "secret") != AppSecret)
        {
            return Error(40125, "invalid appsecret");
        }

        bool force = body.TryGetProperty("force_refresh", out var f) && f.ValueKind == JsonValueKind.True;
        if (force || _tokenRejection is not null)
        {
            _token = NewToken();
            _tokenRejection = null;
            TokensIssued++;
        }

        return Ok(new { access_token = _token, expires_in = TokenLifetimeSeconds });
    }

    IResponseMessage UploadImage(FakeRequest request)
    {
        if (MediaPart(request) is not { } media)
        {
            return Error(41005, "media data missing");
        }

        if (!IsImage(media.FileName, ".jpg", ".jpeg", ".png"))
        {
            return Error(40005, "invalid file type");
        }

        if (media.Content.Length >= 1024 * 1024)
        {
            return Error(40009, "invalid image size");
        }

        return Ok(new { url = $"http://mmbiz.qpic.cn/sz_mmbiz_jpg/{RandomId(22)}/0?wx_fmt=jpeg" });
    }

    IResponseMessage AddMaterial(FakeRequest request)
    {
        if (request.Query.GetValueOrDefault("type") != "thumb")
        {
            return Error(40004, "invalid media type");
        }

        if (MediaPart(request) is not { } media)
        {
            return Error(41005, "media data missing");
        }

        if (!IsImage(media.FileName, ".jpg", ".jpeg"))
        {
            return Error(40005, "invalid file type");
        }

        if (media.Content.Length > 64 * 1024)
        {
            return Error(40009, "invalid image size");
        }

        string mediaId = RandomId(43);
        _thumbs.Add(mediaId);
        return Ok(new { media_id = mediaId, url = $"http://mmbiz.qpic.cn/sz_mmbiz_jpg/{RandomId(22)}/0?wx_fmt=jpeg", item = Array.Empty<object>() });
    }

    IResponseMessage AddDraft(FakeRequest request)
    {
        JsonElement body;
        try
        {
            body = request.Json;
        }
        catch (JsonException)
        {
            return Error(47001, "data format error");
        }

        if (!body.TryGetProperty("articles", out var articles) || articles.ValueKind != JsonValueKind.Array || articles.GetArrayLength() == 0)
        {
            return Error(47001, "data format error");
        }

        foreach (var article in articles.EnumerateArray())
        {
            if (Length(Text(article, "title")) > 32)
            {
                return Error(45003, "title size out of limit");
            }

            if (Length(Text(article, "digest")) > 128)
            {
                return Error(45004, "description size out of limit");
            }

            if (Text(article, "content") is not { Length: > 0 } content)
            {
                return Error(44003, "empty news data");
            }

            if (content.Length >= 20_000)
            {
                return Error(45002, "content size out of limit");
            }

            if (!_thumbs.Contains(Text(article, "thumb_media_id") ?? string.Empty))
            {
                return Error(40007, "invalid media_id");
            }
        }

        string mediaId = RandomId(43);
        _drafts[mediaId] = body.GetRawText();
        return Ok(new { media_id = mediaId });
    }

    IResponseMessage Submit(FakeRequest request)
    {
        string? mediaId = Text(request.Json, "media_id");
        if (mediaId is null || !_drafts.ContainsKey(mediaId))
        {
            return Error(40007, "invalid media_id");
        }

        string publishId = (2247483600 + ++_sequence).ToString(CultureInfo.InvariantCulture);
        _publishes[publishId] = "2247" + RandomDigits(6) + "_1";
        return Ok(new { errcode = 0, errmsg = "ok", publish_id = publishId, msg_data_id = 2247483700 + _sequence });
    }

    IResponseMessage GetPublish(FakeRequest request)
    {
        string? publishId = Text(request.Json, "publish_id");
        if (publishId is null || !_publishes.TryGetValue(publishId, out var articleId))
        {
            return Error(53600, "Article ID 无效");
        }

        bool done = _publishStatus == 0;
        if (done)
        {
            _articles.Add(articleId);
        }

        return Ok(new
        {
            publish_id = publishId,
            publish_status = _publishStatus,
            article_id = done ? articleId : string.Empty,
            article_detail = new
            {
                count = done ? 1 : 0,
                item = done ? new[] { new { idx = 1, article_url = ArticleUrl(publishId) } } : [],
            },
            fail_idx = _publishStatus is 2 or 3 or 4 ? new[] { 1 } : Array.Empty<int>(),
        });
    }

    string ArticleUrl(string publishId)
    {
        if (!_articleUrls.TryGetValue(publishId, out var url))
        {
            url = _articleUrls[publishId] = $"https://mp.weixin.qq.com/s/{RandomId(22)}";
        }

        return url;
    }

    IResponseMessage Delete(FakeRequest request)
    {
        var body = request.Json;
        string? articleId = Text(body, "article_id");
        if (articleId is null || !(_articles.Contains(articleId) || _publishes.ContainsValue(articleId)))
        {
            return Error(53600, "Article ID 无效");
        }

        _articles.Remove(articleId);
        return Ok(new { errcode = 0, errmsg = "ok" });
    }

    static FakeMultipart.Part? MediaPart(FakeRequest request) =>
        request.IsMultipart ? request.Part("media") is { FileName: not null } part ? part : null : null;

    static bool IsImage(string? fileName, params string[] extensions) =>
        extensions.Contains(Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant());

    static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    static int Length(string? text) => (text ?? string.Empty).EnumerateRunes().Count();

    static IResponseMessage Ok(object body) => FakeResponses.Json(200, body, ContentType);

    static IResponseMessage Error(int code, string message) =>
        FakeResponses.Json(200, new { errcode = code, errmsg = message + " rid: " + RandomId(8) }, ContentType);

    static string DefaultMessage(int code) => code switch
    {
        40001 => "invalid credential, access_token is invalid or not latest",
        42001 => "access_token expired",
        45009 => "reach max api daily quota limit",
        48001 => "api unauthorized",
        53503 => "该草稿未通过发布检查",
        45002 => "content size out of limit",
        45003 => "title size out of limit",
        45004 => "description size out of limit",
        40005 => "invalid file type",
        40009 => "invalid image size",
        47001 => "data format error",
        -1 => "system error",
        _ => "error",
    };

    static string NewToken() => "87_" + RandomId(133);

    static string RandomId(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(length, 0, (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    static string RandomDigits(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}
