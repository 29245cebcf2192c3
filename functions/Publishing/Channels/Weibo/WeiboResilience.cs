using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Publishing.Channels.Weibo;

/// <summary>
/// Transient-fault handling for Weibo calls: total timeout → retry with jitter → circuit breaker → attempt timeout.
/// Requests marked <see cref="AtMostOnce"/> (statuses/share) are retried only when the connection could not be
/// established: Weibo has no idempotency key, so a repeated share posts twice (一稿多发).
/// Kept apart from the WeChat pipeline so each channel's limits can be tuned on their own.
/// </summary>
public static class WeiboResilience
{
    public const string PipelineName = "weibo";

    /// <summary>Set on a request whose repetition would have a visible effect on the account.</summary>
    public static readonly HttpRequestOptionsKey<bool> AtMostOnce = new("Publishing.Weibo.AtMostOnce");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, WeiboOptions options)
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

    /// <summary>Whether the pipeline may send <paramref name="request"/> again after <paramref name="outcome"/>.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (request is not null && request.Options.TryGetValue(AtMostOnce, out bool atMostOnce) && atMostOnce)
        {
            return outcome.Exception is HttpRequestException exception && NeverSent(exception);
        }

        return HttpClientResiliencePredicates.IsTransient(outcome);
    }

    /// <summary>The request failed before a connection existed, so Weibo cannot have seen it.</summary>
    public static bool NeverSent(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HttpRequestError is HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;
    }
}
