using System.Globalization;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Publishing.Testing.Fakes;

/// <summary>
/// The Weibo API on a loopback port: <c>/2/statuses/share.json</c> and <c>/2/statuses/destroy.json</c>, with errors as
/// <c>{request, error_code, error}</c>. Point a client at <see cref="Url"/> (<c>Publishing__Weibo__BaseUrl</c>) with
/// <see cref="AccessToken"/>. Like Weibo, it refuses the same text twice (20019), which makes a double post visible.
/// </summary>
public sealed class WeiboFake : IDisposable
{
    public const string SharePath = "/2/statuses/share.json";
    public const string DestroyPath = "/2/statuses/destroy.json";
    public const string DefaultAccessToken = "2.00Kf8sXH0mQ7zE4b6a1c9d3e5f7a2b4c";

    readonly WireMockServer _server;
    readonly FakeEndpoints _endpoints = new();
    readonly Lock _gate = new();
    readonly Dictionary<long, string> _posts = [];
    long _nextId = 5_170_000_000_000_001;

    public WeiboFake(string accessToken = DefaultAccessToken)
    {
        AccessToken = accessToken;
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string Url => _server.Urls[0];

    public string AccessToken { get; }

    /// <summary>When set, a status without a link on this host fails with 10017, as for an app whose safe domain differs.</summary>
    public string? SafeDomain { get; set; }

    /// <summary>
    /// When set, the fake fetches the link in each shared status before answering, as Weibo's link preview does, and
    /// records the HTTP status the page answered (<see cref="LinkStatuses"/>).
    /// </summary>
    public bool FetchLinks { get; set; }

    /// <summary>What the linked page answered for each share, in order (0 when it could not be reached).</summary>
    public IReadOnlyList<int> LinkStatuses { get { lock (_gate) { return [.. _linkStatuses]; } } }

    readonly List<int> _linkStatuses = [];
    static readonly HttpClient LinkClient = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Posts that are public now, by id.</summary>
    public IReadOnlyDictionary<long, string> Posts { get { lock (_gate) { return new Dictionary<long, string>(_posts); } } }

    public void SetDelay(string path, TimeSpan delay) => _endpoints.SetDelay(path, delay);

    /// <summary>The next <paramref name="times"/> calls to <paramref name="path"/> fail with this Weibo error code.</summary>
    public void FailNext(string path, int errorCode, string? error = null, int times = 1) =>
        _endpoints.FailNext(path, new FakeFailure(errorCode, error ?? DefaultError(errorCode), StatusFor(errorCode)), times);

    /// <summary>The next calls to <paramref name="path"/> answer a bare HTTP status, as a gateway would.</summary>
    public void FailNextWithHttpStatus(string path, int httpStatus, int times = 1) =>
        _endpoints.FailNext(path, new FakeFailure(null, null, httpStatus), times);

    public int CallCount(string path) => _endpoints.CallCount(path);

    public IReadOnlyList<FakeRequest> Requests(string path) => _endpoints.Requests(path);

    public void Dispose() => _server.Stop();

    async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var request = await _endpoints.ReceiveAsync(message).ConfigureAwait(false);
        if (_endpoints.TakeFailure(request.Path) is { } failure)
        {
            return failure.ErrorCode is int code ? Error(request.Path, code, failure.Message!, failure.HttpStatus) : FakeResponses.Status(failure.HttpStatus);
        }

        if (FetchLinks && request.Path == SharePath && request.Form("status") is { } shared
            && System.Text.RegularExpressions.Regex.Match(shared, @"https?://\S+") is { Success: true } link)
        {
            int answered;
            try
            {
                using var page = await LinkClient.GetAsync(link.Value).ConfigureAwait(false);
                answered = (int)page.StatusCode;
            }
            catch (HttpRequestException)
            {
                answered = 0;
            }

            lock (_gate)
            {
                _linkStatuses.Add(answered);
            }
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Error(request.Path, 10021, "HTTP method is not suported for this request!", 405);
        }

        lock (_gate)
        {
            if (request.Form("access_token") != AccessToken)
            {
                return Error(request.Path, 21332, "invalid_access_token", 401);
            }

            return request.Path switch
            {
                SharePath => Share(request),
                DestroyPath => Destroy(request),
                _ => Error(request.Path, 10020, "Job not found!", 404),
            };
        }
    }

    IResponseMessage Share(FakeRequest request)
    {
        string? status = request.Form("status");
        if (string.IsNullOrWhiteSpace(status))
        {
            return Error(request.Path, 10016, "miss required parameter (status), see doc for more info.", 400);
        }

        if ((HalfUnits(status) + 1) / 2 > 140)
        {
            return Error(request.Path, 20012, "Text too long, please input text less than 140 characters!", 400);
        }

        if (SafeDomain is { } domain && !status.Contains("://" + domain, StringComparison.OrdinalIgnoreCase))
        {
            return Error(request.Path, 10017, "appkey not bind domain!", 403);
        }

        if (_posts.ContainsValue(status))
        {
            return Error(request.Path, 20019, "repeat content!", 400);
        }

        long id = _nextId++;
        _posts[id] = status;
        return Ok(StatusObject(id, status, hasPicture: request.FileParts().Contains("pic")));
    }

    IResponseMessage Destroy(FakeRequest request)
    {
        if (!long.TryParse(request.Form("id"), NumberStyles.None, CultureInfo.InvariantCulture, out long id) || !_posts.Remove(id, out var text))
        {
            return Error(request.Path, 20101, "target weibo does not exist!", 400);
        }

        return Ok(StatusObject(id, text, hasPicture: false));
    }

    static object StatusObject(long id, string text, bool hasPicture) => new
    {
        created_at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("ddd MMM dd HH:mm:ss +0800 yyyy", CultureInfo.InvariantCulture),
        id,
        idstr = id.ToString(CultureInfo.InvariantCulture),
        mid = id.ToString(CultureInfo.InvariantCulture),
        text,
        source = "<a href=\"https://app.weibo.com/t/feed/fake\" rel=\"nofollow\">政务发布</a>",
        thumbnail_pic = hasPicture ? $"https://wx1.sinaimg.cn/thumbnail/{id:x}.jpg" : null,
        user = new { id = 1_234_567_890L, idstr = "1234567890", screen_name = "临沂发布", verified = true },
    };

    static int HalfUnits(string text) =>
        text.EnumerateRunes().Sum(r => r.IsAscii || r.Value is >= 0xFF61 and <= 0xFFDC or >= 0xFFE8 and <= 0xFFEE ? 1 : 2);

    static IResponseMessage Ok(object body) => FakeResponses.Json(200, body);

    // Weibo documents error_code as a string.
    static IResponseMessage Error(string path, int code, string error, int status) =>
        FakeResponses.Json(status, new { request = path, error_code = code.ToString(CultureInfo.InvariantCulture), error });

    static int StatusFor(int code) => code switch
    {
        10023 or 10024 or 10022 or 10017 => 403,
        21327 or 21332 or 21301 => 401,
        _ => 400,
    };

    static string DefaultError(int code) => code switch
    {
        20053 => "Weibo is being reviewed, please wait!",
        10017 => "appkey not bind domain!",
        10022 => "IP requests out of rate limit!",
        10023 => "User requests out of rate limit!",
        10024 => "User requests for (statuses/share) out of rate limit!",
        20019 => "repeat content!",
        10001 => "System error",
        _ => "error",
    };
}
