using System.Collections.Concurrent;
using WireMock;

namespace Publishing.Testing.Fakes;

/// <summary>
/// What a test can do to any endpoint of a fake: delay it, make its next calls fail, and read what it received.
/// Keys are request paths such as <c>/cgi-bin/freepublish/submit</c>.
/// </summary>
public sealed class FakeEndpoints
{
    readonly ConcurrentDictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFailure>> _failures = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, ConcurrentQueue<FakeRequest>> _requests = new(StringComparer.Ordinal);

    public void SetDelay(string path, TimeSpan delay) => _delays[path] = delay;

    public void FailNext(string path, FakeFailure failure, int times)
    {
        var queue = _failures.GetOrAdd(path, _ => new ConcurrentQueue<FakeFailure>());
        for (int i = 0; i < times; i++)
        {
            queue.Enqueue(failure);
        }
    }

    public int CallCount(string path) => _requests.TryGetValue(path, out var queue) ? queue.Count : 0;

    public IReadOnlyList<FakeRequest> Requests(string path) => _requests.TryGetValue(path, out var queue) ? queue.ToArray() : [];

    public void Reset()
    {
        _delays.Clear();
        _failures.Clear();
        _requests.Clear();
    }

    /// <summary>Records the request, then waits the configured delay (the call is counted even if the client gives up).</summary>
    internal async Task<FakeRequest> ReceiveAsync(IRequestMessage message)
    {
        var request = new FakeRequest(
            message.Method,
            message.Path,
            FakeRequest.ParseUrlEncoded(message.RawQuery ?? string.Empty),
            message.Headers is { } headers && headers.TryGetValue("Content-Type", out var type) ? type.FirstOrDefault() : null,
            message.BodyData?.BodyAsBytes ?? System.Text.Encoding.UTF8.GetBytes(message.BodyData?.BodyAsString ?? message.Body ?? string.Empty),
            DateTimeOffset.UtcNow);
        _requests.GetOrAdd(message.Path, _ => new ConcurrentQueue<FakeRequest>()).Enqueue(request);
        if (_delays.TryGetValue(message.Path, out var delay) && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay).ConfigureAwait(false);
        }

        return request;
    }

    internal FakeFailure? TakeFailure(string path) =>
        _failures.TryGetValue(path, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
}
