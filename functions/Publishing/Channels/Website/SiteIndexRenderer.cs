using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Publishing.Channels.Website;

/// <summary>
/// List pages, the sitemap and the Atom feed, each from a bounded number of entries: a list's front page shows the
/// newest entries, archive page <c>k</c> one fixed block of positions (numbered from the oldest, so it never moves),
/// a sitemap chunk one fixed block of the home list, the feed the newest entries.
/// </summary>
public static class SiteIndexRenderer
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public const string SitemapPath = "sitemap.xml";
    public const string FeedPath = "feed.xml";

    public static string SitemapChunkPath(long chunk) => "sitemap-" + chunk.ToString(CultureInfo.InvariantCulture) + ".xml";

    /// <summary>The list's front page: its newest entries, the 栏目 navigation and a link to the archive page that continues it.</summary>
    public static string FrontPage(
        SiteOptions site, SiteList list, string heading, IReadOnlyList<SiteListEntry> newestFirst, long live, long? olderPage,
        IReadOnlyList<SiteCategories.Category> categories)
    {
        var html = Open(site, list, heading);
        if (categories.Count > 0)
        {
            html.Append("<nav aria-label=\"栏目\"><ul>\n");
            foreach (var category in categories)
            {
                html.Append("<li><a href=\"").Append(list.ToRoot).Append(category.Folder).Append("/index.html\">").Append(Encoder.Encode(category.Name)).Append("</a></li>\n");
            }

            html.Append("</ul></nav>\n");
        }

        Entries(html.Append("</header>\n<main>\n<h1>").Append(Encoder.Encode(heading)).Append("</h1>\n"), list, newestFirst);
        html.Append("<nav aria-label=\"分页\"><p>共 ").Append(live).Append(" 条");
        if (olderPage is { } older)
        {
            html.Append(" <a rel=\"next\" href=\"").Append(Path.GetFileName(list.PagePath(older))).Append("\">下一页</a>");
        }

        return Close(html, site);
    }

    /// <summary>
    /// Archive page <paramref name="page"/>: the entries of its block, newest first. "上一页" leads to the newer page
    /// (the front page from the newest archive page), "下一页" to the older one.
    /// </summary>
    public static string ArchivePage(SiteOptions site, SiteList list, string heading, long page, IReadOnlyList<SiteListEntry> newestFirst, bool hasNewerPage)
    {
        var html = Open(site, list, heading);
        Entries(html.Append("</header>\n<main>\n<h1>").Append(Encoder.Encode(heading)).Append("</h1>\n"), list, newestFirst);
        string newer = hasNewerPage ? Path.GetFileName(list.PagePath(page + 1)) : "index.html";
        html.Append("<nav aria-label=\"分页\"><p>第 ").Append(page).Append(" 页")
            .Append(" <a href=\"index.html\">首页</a>")
            .Append(" <a rel=\"prev\" href=\"").Append(newer).Append("\">上一页</a>");
        if (page > 1)
        {
            html.Append(" <a rel=\"next\" href=\"").Append(Path.GetFileName(list.PagePath(page - 1))).Append("\">下一页</a>");
        }

        return Close(html, site);
    }

    /// <summary>The sitemap index: one sitemap per chunk written so far.</summary>
    public static string SitemapIndex(SiteOptions site, long chunks)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (long chunk = 1; chunk <= chunks; chunk++)
        {
            xml.Append("<sitemap><loc>").Append(SiteXml.Text(site.UrlOf(SitemapChunkPath(chunk)).AbsoluteUri)).Append("</loc></sitemap>\n");
        }

        return xml.Append("</sitemapindex>\n").ToString();
    }

    /// <summary>One sitemap chunk: the articles of one block of the home list (the first chunk also names the front page).</summary>
    public static string SitemapChunk(SiteOptions site, long chunk, IReadOnlyList<SitemapUrl> entries)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        if (chunk == 1)
        {
            xml.Append("<url><loc>").Append(SiteXml.Text(site.UrlOf("index.html").AbsoluteUri)).Append("</loc></url>\n");
        }

        foreach (var entry in entries.OrderBy(e => e.Position))
        {
            xml.Append("<url><loc>").Append(SiteXml.Text(site.UrlOf(entry.Path).AbsoluteUri)).Append("</loc><lastmod>")
                .Append(Time(entry.UpdatedAt)).Append("</lastmod></url>\n");
        }

        return xml.Append("</urlset>\n").ToString();
    }

    public static string AtomFeed(SiteOptions site, IReadOnlyList<SiteListEntry> newestFirst)
    {
        DateTimeOffset updated = newestFirst.Count > 0 ? newestFirst.Max(e => e.UpdatedAt) : DateTimeOffset.UnixEpoch;
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
        xml.Append("<title>").Append(SiteXml.Text(site.SiteTitle)).Append("</title>\n")
            .Append("<id>").Append(SiteXml.Text(site.BaseUrl.AbsoluteUri)).Append("</id>\n")
            .Append("<link rel=\"self\" href=\"").Append(SiteXml.Text(site.UrlOf(FeedPath).AbsoluteUri)).Append("\"/>\n")
            .Append("<link href=\"").Append(SiteXml.Text(site.UrlOf("index.html").AbsoluteUri)).Append("\"/>\n")
            .Append("<updated>").Append(Time(updated)).Append("</updated>\n");
        foreach (var entry in newestFirst)
        {
            string url = site.UrlOf(entry.Path).AbsoluteUri;
            xml.Append("<entry>\n<title>").Append(SiteXml.Text(entry.Title)).Append("</title>\n")
                .Append("<id>").Append(SiteXml.Text(url)).Append("</id>\n<link href=\"").Append(SiteXml.Text(url)).Append("\"/>\n")
                .Append("<published>").Append(Time(entry.PublishedAt)).Append("</published>\n")
                .Append("<updated>").Append(Time(entry.UpdatedAt)).Append("</updated>\n")
                .Append("<author><name>").Append(SiteXml.Text(entry.Publisher ?? site.SiteTitle)).Append("</name></author>\n")
                .Append("<summary>").Append(SiteXml.Text(entry.Summary)).Append("</summary>\n</entry>\n");
        }

        return xml.Append("</feed>\n").ToString();
    }

    static StringBuilder Open(SiteOptions site, SiteList list, string heading)
    {
        string toRoot = list.ToRoot;
        return new StringBuilder(4096)
            .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encoder.Encode(heading)).Append(" - ").Append(Encoder.Encode(site.SiteTitle)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(toRoot).Append(SiteStyles.Path).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"").Append(toRoot).Append(FeedPath).Append("\" title=\"最新信息\">\n")
            .AppendHead(site, toRoot, new SiteChrome.PageMeta(heading))
            .Append("</head>\n<body>\n").AppendToolbar().Append("<header><p><a href=\"").Append(toRoot).Append("index.html\">").Append(Encoder.Encode(site.SiteTitle)).Append("</a></p>\n");
    }

    static void Entries(StringBuilder html, SiteList list, IReadOnlyList<SiteListEntry> newestFirst)
    {
        if (newestFirst.Count == 0)
        {
            html.Append("<p>暂无信息。</p>\n");
            return;
        }

        html.Append("<ul class=\"list\">\n");
        foreach (var entry in newestFirst)
        {
            string date = SitePageRenderer.ChinaDate(entry.PublishedAt);
            html.Append("<li><a href=\"").Append(list.ToRoot).Append(entry.Path).Append("\">").Append(Encoder.Encode(entry.Title))
                .Append("</a> <time datetime=\"").Append(date).Append("\">").Append(date).Append("</time></li>\n");
        }

        html.Append("</ul>\n");
    }

    static string Close(StringBuilder html, SiteOptions site) => html.Append("</p></nav>\n</main>\n").AppendFooter(site, null).Append("</body>\n</html>\n").ToString();

    static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
