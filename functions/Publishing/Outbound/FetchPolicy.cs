namespace Publishing.Outbound;

/// <summary>What one caller accepts from a fetch. Unset limits fall back to <see cref="OutboundOptions"/>.</summary>
/// <param name="Accept">Types the bytes must sniff as; empty accepts anything (e.g. a link check).</param>
/// <param name="Subject">What is fetched, in Chinese, for messages: "第 2 张正文图片".</param>
public sealed record FetchPolicy(
    IReadOnlySet<SniffedType> Accept,
    string Subject,
    long? MaxBytes = null,
    TimeSpan? Timeout = null,
    int? MaxRedirects = null)
{
    public static FetchPolicy For(string subject, long maxBytes, params SniffedType[] accept) =>
        new(accept.ToHashSet(), subject, maxBytes);
}

/// <summary>A fetched body, complete and within the caller's limits.</summary>
/// <param name="Url">Where the bytes came from after redirects.</param>
public sealed record FetchedResource(Uri Url, byte[] Content, SniffedType Type, int Redirects)
{
    public string MediaType => ContentSniffer.MediaType(Type);
}
