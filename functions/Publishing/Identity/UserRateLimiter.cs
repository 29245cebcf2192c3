using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Publishing.Identity;

/// <summary>
/// Per-user token buckets for the requests that cost: <c>POST /api/checks</c> and every mutating request. Called
/// from <see cref="ApiAccess.TryAuthorize"/>, so both hosts limit every handler the same way without each handler
/// knowing about it. In-memory per instance: a scaled-out app allows the limit per instance, which still stops
/// one person from tying up a host.
/// </summary>
public sealed class UserRateLimiter : IDisposable
{
    const string CountedKey = "Publishing.RateLimit.Counted";

    readonly PartitionedRateLimiter<string> _limiter;
    readonly RateLimitOptions _options;

    public UserRateLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => key.StartsWith("checks:", StringComparison.Ordinal)
            ? Bucket(key, _options.Checks)
            : Bucket(key, _options.Mutations));
    }

    /// <summary>Null when the request may proceed; otherwise the 429 answer. Counts a request once, however often it is asked.</summary>
    public IResult? Check(HttpContext context, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        if (context.Items.ContainsKey(CountedKey) || PolicyOf(context.Request) is not { } policy)
        {
            return null;
        }

        context.Items[CountedKey] = true;
        var (name, limit) = policy;
        if (limit.PermitLimit <= 0)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire($"{name}:{user.Id}");
        if (lease.IsAcquired)
        {
            return null;
        }

        TimeSpan retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan value) && value > TimeSpan.Zero
            ? value
            : limit.Window / limit.PermitLimit;
        return new TooManyRequests(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)), name == "checks", limit);
    }

    public void Dispose() => _limiter.Dispose();

    (string Name, RateLimit Limit)? PolicyOf(HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method) && request.Path.Value is { } path && path.TrimEnd('/').EndsWith("/api/checks", StringComparison.OrdinalIgnoreCase))
        {
            return ("checks", _options.Checks);
        }

        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            ? null
            : ("mutations", _options.Mutations);
    }

    static RateLimitPartition<string> Bucket(string key, RateLimit limit) => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, limit.PermitLimit),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = limit.PermitLimit > 0 ? limit.Window / limit.PermitLimit : limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <summary>429 with <c>Retry-After</c> and a Chinese ProblemDetails.</summary>
    sealed class TooManyRequests(int retryAfterSeconds, bool checks, RateLimit limit) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status429TooManyRequests;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            string what = checks ? "预检查" : "提交、审核等操作";
            string detail = $"{what}过于频繁：每人每 {Describe(limit.Window)}最多 {limit.PermitLimit} 次。请在 {retryAfterSeconds} 秒后重试。";
            return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁").ExecuteAsync(httpContext);
        }

        static string Describe(TimeSpan window) => window switch
        {
            { TotalHours: >= 1 } when window.TotalHours % 1 == 0 => $"{window.TotalHours:0} 小时",
            { TotalMinutes: >= 1 } when window.TotalMinutes % 1 == 0 => $"{window.TotalMinutes:0} 分钟",
            _ => $"{window.TotalSeconds:0.#} 秒",
        };
    }
}
