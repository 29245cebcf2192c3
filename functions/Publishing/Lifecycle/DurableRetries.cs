using System.Globalization;
using Microsoft.DurableTask;

namespace Publishing.Lifecycle;

/// <summary>
/// Every durable retry policy of the product, in one place. Storage steps ride out an outage of
/// <see cref="StorageWindow"/> with capped exponential back-off; a step that still fails parks the item
/// (<see cref="ItemStatus.NeedsAttention"/>) instead of ending its workflow.
/// </summary>
public static class DurableRetries
{
    /// <summary>
    /// Environment variable (app setting) that shortens the storage window for tests. Read once per process: every
    /// replay of an orchestration in that process sees the same policy.
    /// </summary>
    public const string StorageWindowVariable = "Publishing__Durable__StorageRetryWindow";

    /// <summary>The production window: longer than a five-minute storage outage.</summary>
    public static readonly TimeSpan DefaultStorageWindow = TimeSpan.FromMinutes(6);

    public static readonly TimeSpan StorageWindow = ReadStorageWindow();

    /// <summary>Our own storage (read model, audit, inbox, publication records): retrying a write is always safe.</summary>
    public static readonly TaskOptions Storage = TaskOptions.FromRetryPolicy(StoragePolicy(StorageWindow));

    /// <summary>Recording that an item is parked: keeps trying (every few minutes at most) until storage answers.</summary>
    public static readonly TaskOptions Parking = TaskOptions.FromRetryPolicy(ParkingPolicy(StorageWindow));

    /// <summary>The website is our own storage too; rewriting a page is harmless.</summary>
    public static readonly TaskOptions Website = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(2), 2));

    /// <summary>WeChat drafts are not public, so the draft step may be retried.</summary>
    public static readonly TaskOptions WeChatDraft = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(10), 2));

    /// <summary>Taking a post down is idempotent on the platforms.</summary>
    public static readonly TaskOptions Takedown = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), 2));

    /// <summary>
    /// No durable retry for a social send: the step resumes from the publication record and classifies failures
    /// itself; a blind re-run could post twice.
    /// </summary>
    public static readonly TaskOptions Never = new();

    /// <summary>
    /// Capped exponential back-off over <paramref name="window"/>: first retry after 1/64 of it (at most 1 s),
    /// doubling up to a fifth of it, attempts until the window has passed.
    /// </summary>
    public static RetryPolicy StoragePolicy(TimeSpan window)
    {
        TimeSpan first = TimeSpan.FromTicks(Math.Clamp(window.Ticks / 64, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        TimeSpan cap = TimeSpan.FromTicks(Math.Max(first.Ticks, window.Ticks / 5));
        // Enough attempts that the time limit, not the count, ends the retries.
        int attempts = 2 + (int)Math.Ceiling(Math.Log2(Math.Max(2, cap / first))) + (int)Math.Ceiling(window / cap);
        return new RetryPolicy(attempts, first, backoffCoefficient: 2, maxRetryInterval: cap, retryTimeout: window);
    }

    static RetryPolicy ParkingPolicy(TimeSpan window)
    {
        TimeSpan cap = window < DefaultStorageWindow ? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, window.Ticks / 4)) : TimeSpan.FromMinutes(5);
        return new RetryPolicy(10_000, TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: cap);
    }

    /// <summary>The delays between attempts that <paramref name="policy"/> makes, in order (what the engine's retry does).</summary>
    public static IEnumerable<TimeSpan> Delays(RetryPolicy policy)
    {
        TimeSpan elapsed = TimeSpan.Zero;
        for (int attempt = 1; attempt < policy.MaxNumberOfAttempts; attempt++)
        {
            double seconds = policy.FirstRetryInterval.TotalSeconds * Math.Pow(policy.BackoffCoefficient, attempt - 1);
            TimeSpan delay = TimeSpan.FromSeconds(Math.Min(seconds, policy.MaxRetryInterval.TotalSeconds));
            if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && elapsed + delay > policy.RetryTimeout)
            {
                yield break;
            }

            elapsed += delay;
            yield return delay;
        }
    }

    static TimeSpan ReadStorageWindow() =>
        TimeSpan.TryParse(Environment.GetEnvironmentVariable(StorageWindowVariable), CultureInfo.InvariantCulture, out TimeSpan window)
        && window > TimeSpan.Zero
            ? window
            : DefaultStorageWindow;
}
