using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
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

    /// <summary>Archive pages all of whose entries were retracted (<see cref="Website.EmptyPages"/>).</summary>
    public string EmptyPages { get; set; } = "";

    /// <summary>The list's heading: 最新信息, or the 栏目 name its first entry carried.</summary>
    public string Heading { get; set; } = "";
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

/// <summary>An entry as list pages and the feed show it.</summary>
public sealed record SiteListEntry(
    long Position, string ItemId, string Title, string? Publisher, string Summary, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt)
{
    public string Path => SiteEntry.PathFor(ItemId);

    public static SiteListEntry From(SiteEntry entry) =>
        new(0, entry.ItemId, entry.Title, entry.Publisher, entry.Summary, entry.PublishedAt, entry.UpdatedAt);
}

/// <summary>An entry as a sitemap chunk shows it.</summary>
public sealed record SitemapUrl(long Position, string ItemId, DateTimeOffset UpdatedAt)
{
    public string Path => SiteEntry.PathFor(ItemId);
}

/// <summary>
/// Rows that hold a list of values as JSON: one archive page's entries (<c>block:</c>), one sitemap chunk's
/// addresses (<c>chunk:</c>), the categories, a policy's interpretations. Each is read with one point read, so a
/// publish never queries a range of rows. JSON longer than a Table property holds is split over several properties.
/// </summary>
public static class SiteJsonRows
{
    public const string BlockPrefix = "block:";
    public const string ChunkPrefix = "chunk:";

    /// <summary>Characters per property: Table storage allows 64 KiB of UTF-16 per string property.</summary>
    const int PartLength = 30_000;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese stays readable and takes 2 bytes, not a 6-character \uXXXX each.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string BlockKey(long block) => BlockPrefix + block.ToString("D12", CultureInfo.InvariantCulture);

    public static string ChunkKey(long chunk) => ChunkPrefix + chunk.ToString("D12", CultureInfo.InvariantCulture);

    public static List<T> Read<T>(TableEntity? row)
    {
        if (row is null)
        {
            return [];
        }

        var text = new System.Text.StringBuilder();
        for (int part = 0; row.GetString("Json" + part) is { } chunk; part++)
        {
            text.Append(chunk);
        }

        return text.Length == 0 ? [] : JsonSerializer.Deserialize<List<T>>(text.ToString(), Json) ?? [];
    }

    public static TableEntity Write<T>(string partitionKey, string rowKey, IEnumerable<T> values)
    {
        string text = JsonSerializer.Serialize(values, Json);
        var row = new TableEntity(partitionKey, rowKey);
        int part = 0;
        for (int start = 0; start < text.Length; part++)
        {
            int length = Math.Min(PartLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            row["Json" + part] = text.Substring(start, length);
            start += length;
        }

        return row;
    }
}
