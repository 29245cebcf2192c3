using Azure;
using Azure.Data.Tables;

namespace Publishing.Channels;

/// <summary>
/// Publication state per (item, version, channel) in table <c>Publications</c>: how far the publish got, with the
/// remote ids, so a retried or replayed step resumes instead of posting again (一稿多发 is a single-veto fault).
/// </summary>
public sealed class PublicationRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Channel { get; set; } = "";
    public int Version { get; set; }
    public string State { get; set; } = PublicationStates.Pending;
    public string? Url { get; set; }
    public string? DraftMediaId { get; set; }
    public string? ThumbMediaId { get; set; }
    public string? PublishId { get; set; }
    public string? ArticleId { get; set; }
    public string? WeiboId { get; set; }
    public string? OutboxBlob { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string ItemId => PartitionKey;

    public static string KeyFor(int version, string channel) => $"v{version}-{channel}";
}
