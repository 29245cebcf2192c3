using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Transient-fault handling for WeChat calls: total timeout → retry with jitter → circuit breaker → attempt timeout.
/// Requests marked <see cref="AtMostOnce"/> (freepublish/submit and delete) are retried only when the connection
/// could not be established, because a repeated submit publishes twice (一稿多发).
/// </summary>
public static class WeChatResilience
{
    public const string PipelineName = "wechat";

    /// <summary>Set on a request whose repetition would have a visible effect on the account.</summary>
    public static readonly HttpRequestOptionsKey<bool> AtMostOnce = new("Publishing.WeChat.AtMostOnce");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, WeChatOptions options)
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

    /// <summary>The request failed before a connection existed, so WeChat cannot have seen it.</summary>
    public static bool NeverSent(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.HttpRequestError is HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;
    }
}
