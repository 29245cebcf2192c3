using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Publishing.Http;

/// <summary>
/// The one place a failure of storage (or of the durable engine behind it) on a request path becomes an answer:
/// a transient one (408, 429, 5xx, timeout, connection failure) is a 503 ProblemDetails with <c>Retry-After</c>,
/// anything else from storage a 503 without it — never a bare 500. The local host runs every handler through it as an
/// endpoint filter (<see cref="WithRequestFailureTranslation"/>); the Functions app calls <see cref="GuardAsync"/>.
/// </summary>
public static partial class RequestFailures
{
    public const int RetryAfterSeconds = 5;

    /// <summary>Runs <paramref name="handler"/> and answers a storage failure as a problem.</summary>
    public static async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Exception e) when (Translate(e, context) is { } problem)
        {
            return problem;
        }
    }

    public static TBuilder WithRequestFailureTranslation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (Exception e) when (Translate(e, invocation.HttpContext) is { } problem)
            {
                return problem;
            }
        });

    /// <summary>The answer for <paramref name="exception"/>, or null when it is not a storage or engine failure (or the caller left).</summary>
    public static IResult? Translate(Exception exception, HttpContext context)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }

        bool? transient = Classify(exception);
        if (transient is null)
        {
            return null;
        }

        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(RequestFailures));
        if (logger is not null)
        {
            LogStorageFailure(logger, context.Request.Method, context.Request.Path, transient.Value, exception);
        }

        if (transient.Value)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.Unavailable($"存储服务暂时不可用，您的操作可能尚未完成。请约 {RetryAfterSeconds} 秒后重试；提交稿件时请使用同一个 Idempotency-Key，不会重复提交。");
        }

        return ApiProblems.Unavailable("存储服务拒绝了本次操作，已记录日志。请稍后刷新查看稿件状态；如问题持续，请联系管理员。");
    }

    /// <summary>True = transient, false = a storage answer that retrying will not change, null = not a storage failure.</summary>
    public static bool? Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RequestFailedException failed:
                    return failed.Status is 0 or 408 or 429 or >= 500 || IsConnectionFailure(failed.InnerException);
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                    return aggregate.InnerExceptions.Select(Classify).FirstOrDefault(c => c is not null);
                case HttpRequestException or SocketException or TimeoutException:
                    return true;
                case TaskCanceledException:
                    // The SDK's own network timeout (the request itself was not cancelled, see Translate).
                    return true;
            }

            // The durable client talks gRPC to its backend; every failure there is the engine or its storage.
            if (e.GetType().FullName == "Grpc.Core.RpcException")
            {
                return true;
            }
        }

        return null;
    }

    static bool IsConnectionFailure(Exception? inner) => inner is HttpRequestException or SocketException or IOException;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "{Method} {Path}: storage failed (transient: {Transient}); answered 503")]
    static partial void LogStorageFailure(ILogger logger, string method, string path, bool transient, Exception exception);
}
