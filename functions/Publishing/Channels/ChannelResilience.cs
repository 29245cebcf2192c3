using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Publishing.Channels;

/// <summary>The resilience settings each channel's options carry, so each channel can be tuned on its own.</summary>
public interface IChannelResilienceOptions
{
    Uri BaseUrl { get; }
    TimeSpan AttemptTimeout { get; }
    TimeSpan TotalTimeout { get; }
    int MaxRetryAttempts { get; }
    TimeSpan RetryBaseDelay { get; }
}

/// <summary>
/// Transient-fault handling for the social channels' calls: total timeout → retry with jitter → circuit breaker →
/// attempt timeout. Requests marked <see cref="AtMostOnce"/> (WeChat freepublish/submit and delete, Weibo share) are
/// retried only when the connection could not be established: the platforms have no idempotency key, so a repeated
/// request publishes twice (一稿多发).
/// </summary>
public static class ChannelResilience
{
    /// <summary>Set on a request whose repetition would have a visible effect on the account.</summary>
    public static readonly HttpRequestOptionsKey<bool> AtMostOnce = new("Publishing.Channels.AtMostOnce");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IChannelResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                // Traffic is a few calls per item, so the default minimum throughput of 100 would never trip.
                MinimumThroughput = 5,
                FailureRatio = 0.5,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Base address and a last-resort timeout for a channel's HttpClient; the pipeline owns the real timeouts.</summary>
    public static void ConfigureHttpClient(HttpClient http, IChannelResilienceOptions options)
    {
        // Paths are relative ("cgi-bin/…", "2/statuses/…"), so a base URL with a path prefix must end in '/'.
        string baseUrl = options.BaseUrl.AbsoluteUri;
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        http.Timeout = options.TotalTimeout + TimeSpan.FromSeconds(5);
    }

    /// <summary>Whether the pipeline may send <paramref name="request"/> again after <paramref name="outcome"/>.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (request is not null && request.Options.TryGetValue(AtMostOnce, out bool atMostOnce) && atMostOnce)
        {
            return outcome.Exception is HttpRequestException exception && NeverSent(exception);
        }

        return HttpClientResiliencePredicates.IsTransient(outcome);
    }

    /// <summary>The request failed before a connection existed, so the platform cannot have seen it.</summary>
    public static bool NeverSent(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HttpRequestError is HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;
    }
}
