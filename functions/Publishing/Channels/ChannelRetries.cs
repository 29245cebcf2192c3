using Microsoft.DurableTask;

namespace Publishing.Channels;

/// <summary>The durable retry policies of publishing, one place.</summary>
static class ChannelRetries
{
    /// <summary>Our own storage (publication records, read model, audit): retrying a write is always safe.</summary>
    public static readonly TaskOptions Storage = TaskOptions.FromRetryPolicy(new RetryPolicy(6, TimeSpan.FromSeconds(1), 2));

    /// <summary>The website is our own storage too; rewriting a page is harmless.</summary>
    public static readonly TaskOptions Website = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(2), 2));

    /// <summary>
    /// No durable retry for a social send: the step resumes from the publication record and classifies failures
    /// itself; a blind re-run could post twice.
    /// </summary>
    public static readonly TaskOptions Never = new();
}
