using Azure;
using Azure.Data.Tables;

namespace Publishing.Channels.Website;

/// <summary>One published page of the website (table <c>SiteEntries</c>); lists, sitemap and feed are built from these.</summary>
public sealed class SiteEntry : ITableEntity
{
    public const string Partition = "site";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Category { get; set; } = "";
    public string CategoryCode { get; set; } = "";
    public string? IndexNumber { get; set; }
    public string? Publisher { get; set; }
    public string? DocumentNumber { get; set; }
    public int Version { get; set; }
    public string Path { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? InterpretsItemId { get; set; }
    public string Summary { get; set; } = "";

    public string ItemId => RowKey;

    public static string PathFor(string itemId) => $"articles/{itemId}.html";
}
