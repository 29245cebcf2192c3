using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Publishing.Channels.Website;

/// <summary>
/// The head row of a list (table <c>SiteEntries</c>, partition <see cref="SiteList.PartitionKey"/>). Every change
/// of the list increments <see cref="Version"/> in the same transaction, so a page rendered after reading version
/// <c>v</c> shows every change up to <c>v</c>.
/// </summary>
public sealed class SiteListCounter : ITableEntity
{
    public const string Key = "counter";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Key;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Positions handed out so far (never reused, so archive pages keep their entries).</summary>
    public long Count { get; set; }

    /// <summary>Entries currently on the list.</summary>
    public long Live { get; set; }

    public long Version { get; set; }

    /// <summary>Archive pages written so far: pages link only to pages up to this number.</summary>
    public long Pages { get; set; }

    /// <summary>The version at which <see cref="Pages"/> last grew: the page before the newest must show at least it.</summary>
    public long PagesVersion { get; set; }

    /// <summary>Sitemap chunks written so far (home list only): the sitemap index lists exactly these.</summary>
    public long Chunks { get; set; }

    public long ChunksVersion { get; set; }

    /// <summary>The list's heading: 最新信息, or the 栏目 name its first entry carried.</summary>
    public string Heading { get; set; } = "";
}

/// <summary>An entry's place on a list: what list pages, the sitemap and the feed show of it.</summary>
public sealed class SiteListSlot : ITableEntity
{
    const string Prefix = "slot:";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Position { get; set; }
    public string ItemId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Publisher { get; set; }
    public string Summary { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Path => SiteEntry.PathFor(ItemId);

    /// <summary>Row keys run from the newest position to the oldest, so a query returns newest first.</summary>
    public static string RowKeyOf(long position) =>
        Prefix + (999_999_999_999L - position).ToString("D12", CultureInfo.InvariantCulture);

    public static string NewestRowKey => Prefix;

    public static string PastOldestRowKey => "slot;";

    public static SiteListSlot From(SiteEntry entry) => new()
    {
        ItemId = entry.ItemId,
        Title = entry.Title,
        Publisher = entry.Publisher,
        Summary = entry.Summary,
        PublishedAt = entry.PublishedAt,
        UpdatedAt = entry.UpdatedAt,
    };

    public bool SameContentAs(SiteListSlot other) =>
        Title == other.Title && Publisher == other.Publisher && Summary == other.Summary
        && PublishedAt == other.PublishedAt && UpdatedAt == other.UpdatedAt;
}

/// <summary>
/// Which position an item holds on a list: one row per item, so an item is on a list at most once. Taking it off
/// keeps the row as <see cref="Removed"/>, so a retried retraction still knows which page to rewrite.
/// </summary>
public sealed class SiteListMember : ITableEntity
{
    const string Prefix = "member:";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Position { get; set; }

    public bool Removed { get; set; }

    public static string RowKeyOf(string itemId) => Prefix + Storage.TableKeys.Escape(itemId);
}
