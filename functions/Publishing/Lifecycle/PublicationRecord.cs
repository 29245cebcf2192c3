namespace Publishing.Lifecycle;

/// <summary>
/// Publication state per (item, version, channel), table <c>Publications</c>: how far the publish got, with the
/// remote ids, so a retried or replayed step resumes instead of posting again (一稿多发 is a single-veto fault).
/// Immutable: <see cref="PublicationStore"/> writes every change as an ETag-conditioned replace.
/// </summary>
/// <param name="RetractRound">The retraction round that last claimed the record.</param>
/// <param name="RetractedFrom">The state the record had when that round claimed it (decides what a takedown must confirm).</param>
/// <param name="Attempts">The attempt number: 1 for the first publish, one more for each retry a person claimed.</param>
public sealed record PublicationRecord(
    string ItemId,
    int Version,
    string Channel,
    ChannelState State,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string? Url = null,
    string? DraftMediaId = null,
    string? ThumbMediaId = null,
    string? PublishId = null,
    string? ArticleId = null,
    string? WeiboId = null,
    string? OutboxBlob = null,
    string? LastError = null,
    int RetractRound = 0,
    ChannelState? RetractedFrom = null)
{
    public static string KeyFor(int version, string channel) => $"v{version}-{channel}";

    /// <summary>A WeChat publish job was submitted and has not ended: the article may still appear.</summary>
    public bool HasJobInFlight => State == ChannelState.Sending && PublishId is not null && ArticleId is null;

    /// <summary>Something of this item may be on the platform, whatever the state says.</summary>
    public bool HasRemoteId => ArticleId is not null || WeiboId is not null || PublishId is not null;
}
