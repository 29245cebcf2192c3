using Azure;

namespace Publishing.Storage;

/// <summary>Backoff for optimistic-concurrency loops on Table storage (ETag / insert races).</summary>
internal static class ConcurrencyRetry
{
    public const int MaxAttempts = 60;

    /// <summary>Lost a race: 409 (row already inserted) or 412 (ETag no longer matches).</summary>
    public static bool IsConflict(RequestFailedException exception) => exception.Status is 409 or 412;

    /// <summary>Jittered, capped exponential backoff so contenders spread out instead of colliding again.</summary>
    public static Task DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        int ceilingMs = Math.Min(250, 5 << Math.Min(attempt, 6));
        return Task.Delay(Random.Shared.Next(1, ceilingMs + 1), cancellationToken);
    }
}
