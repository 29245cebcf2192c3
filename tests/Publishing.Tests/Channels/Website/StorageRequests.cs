using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Publishing.Tests.Channels.Website;

/// <summary>
/// Sees every storage request of one publisher: records them, and can fail one (before it is sent, or after
/// Azurite applied it and the answer was lost) or hold matching ones until released.
/// </summary>
internal sealed class StorageRequests : HttpPipelinePolicy
{
    readonly ConcurrentQueue<string> seen = new();
    int count;
    int refused;

    public IReadOnlyCollection<string> Seen => seen;

    public int Count => Volatile.Read(ref count);

    /// <summary>Conditional writes storage refused (409/412): another writer got there first.</summary>
    public int RefusedWrites => Volatile.Read(ref refused);

    /// <summary>1-based number of the request to fail; 0 = none.</summary>
    public int FailAt { get; set; }

    /// <summary>Fail after the request reached storage (its effect applied, the answer lost) instead of before.</summary>
    public bool FailAfterSending { get; set; }

    /// <summary>Requests matching this wait for <see cref="Release"/> before they are sent.</summary>
    public Func<Request, bool>? Hold { get; set; }

    readonly TaskCompletionSource holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first held request is waiting.</summary>
    public Task Holding => holding.Task;

    public void Release() => released.TrySetResult();

    public void Reset()
    {
        seen.Clear();
        Interlocked.Exchange(ref count, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The publisher uses the async storage API only.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        int number = Interlocked.Increment(ref count);
        seen.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");
        if (Hold is { } hold && hold(message.Request))
        {
            holding.TrySetResult();
            await released.Task;
        }

        bool fail = number == FailAt;
        if (fail && !FailAfterSending)
        {
            throw new RequestFailedException(503, $"injected failure before request {number} ({message.Request.Method} {message.Request.Uri.Path})");
        }

        await ProcessNextAsync(message, pipeline);
        if (message.Request.Method == RequestMethod.Put && message.Response.Status is 409 or 412)
        {
            Interlocked.Increment(ref refused);
        }

        if (fail)
        {
            throw new RequestFailedException(503, $"injected failure after request {number} ({message.Request.Method} {message.Request.Uri.Path}) was applied");
        }
    }
}
