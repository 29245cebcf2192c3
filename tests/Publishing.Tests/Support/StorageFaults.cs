using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Publishing.Tests.Support;

/// <summary>
/// An Azure SDK pipeline policy that fails chosen storage calls for real (the client sees a 503 from "the service"),
/// before the request is sent or after it was applied, and records every publication state written.
/// </summary>
public sealed class StorageFaults : HttpPipelinePolicy
{
    readonly ConcurrentQueue<Rule> rules = new();

    /// <summary>Every <c>State</c> value written to the Publications table, in order.</summary>
    public ConcurrentQueue<string> PublicationStatesWritten { get; } = new();

    public int Injected;

    public enum When { BeforeSending, AfterApplied }

    sealed record Rule(Func<HttpMessage, bool> Matches, When When, int Times)
    {
        public int Remaining = Times;
    }

    /// <summary>The next <paramref name="times"/> requests matching <paramref name="matches"/> fail with 503.</summary>
    public void Fail(Func<HttpMessage, bool> matches, When when = When.BeforeSending, int times = 1) =>
        rules.Enqueue(new Rule(matches, when, times));

    public void Clear() => rules.Clear();

    readonly ConcurrentQueue<(Func<HttpMessage, bool> Matches, Task Release)> holds = new();

    /// <summary>Requests matching <paramref name="matches"/> wait for <paramref name="release"/> before they are sent.</summary>
    public void Hold(Func<HttpMessage, bool> matches, Task release) => holds.Enqueue((matches, release));

    /// <summary>A write (insert, replace, merge) to a row of <paramref name="table"/>.</summary>
    public static bool IsTableWrite(HttpMessage message, string table) =>
        message.Request.Method != RequestMethod.Get && message.Request.Uri.Path.Contains("/" + table + "(", StringComparison.Ordinal);

    /// <summary>A blob upload into <paramref name="container"/>.</summary>
    public static bool IsBlobWrite(HttpMessage message, string container) =>
        message.Request.Method == RequestMethod.Put && Uri.UnescapeDataString(message.Request.Uri.Path).Contains("/" + container + "/", StringComparison.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        RecordState(message);
        foreach (var (matches, release) in holds)
        {
            if (!release.IsCompleted && matches(message))
            {
                await release;
            }
        }

        Rule? rule = Take(message);
        if (rule?.When == When.BeforeSending)
        {
            Interlocked.Increment(ref Injected);
            throw new RequestFailedException(503, "Injected storage fault before the request was sent.");
        }

        await ProcessNextAsync(message, pipeline);
        if (rule?.When == When.AfterApplied)
        {
            Interlocked.Increment(ref Injected);
            throw new RequestFailedException(503, "Injected storage fault after the request was applied.");
        }
    }

    Rule? Take(HttpMessage message)
    {
        foreach (var rule in rules)
        {
            if (Volatile.Read(ref rule.Remaining) > 0 && rule.Matches(message) && Interlocked.Decrement(ref rule.Remaining) >= 0)
            {
                return rule;
            }
        }

        return null;
    }

    void RecordState(HttpMessage message)
    {
        if (!IsTableWrite(message, "Publications") || message.Request.Content is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        message.Request.Content.WriteTo(buffer, default);
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            if (json.RootElement.TryGetProperty("State", out var state) && state.GetString() is { } text)
            {
                PublicationStatesWritten.Enqueue(text);
            }
        }
        catch (JsonException)
        {
        }
    }
}
