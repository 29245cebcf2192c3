using Publishing.Storage;

namespace Publishing.Channels.Website;

/// <summary>
/// One list of the site: every item (the site's front list) or one 栏目 (category). Each item holds a position
/// numbered from the oldest; archive page <c>k</c> holds positions <c>(k-1)·PageSize+1 … k·PageSize</c>, so a new
/// item only changes the newest page and archive pages stay put.
/// </summary>
public sealed record SiteList(string Key, string Folder)
{
    public static readonly SiteList Home = new("home", "");

    public static SiteList Category(string code) => new("category:" + code, "lists/" + code);

    public bool IsHome => Key == Home.Key;

    /// <summary>Table partition holding the list's counter, its slots and its members.</summary>
    public string PartitionKey => "list:" + TableKeys.Escape(Key);

    /// <summary>Path of the list's front page (the newest entries).</summary>
    public string FrontPath => Prefix + "index.html";

    /// <summary>Path of archive page <paramref name="page"/> (1 = oldest).</summary>
    public string PagePath(long page) => Prefix + "page-" + page + ".html";

    /// <summary>Relative link from any page of this list to the site root.</summary>
    public string ToRoot => Folder.Length == 0 ? "" : string.Concat(Enumerable.Repeat("../", Folder.Count(c => c == '/') + 1));

    string Prefix => Folder.Length == 0 ? "" : Folder + "/";

    /// <summary>The 1-based block (archive page, sitemap chunk) of size <paramref name="size"/> holding <paramref name="position"/>.</summary>
    public static long BlockOf(long position, int size) => (position - 1) / size + 1;
}
