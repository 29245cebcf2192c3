using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Publishing.Channels.Website;

/// <summary>List pages (newest first, paginated), sitemap.xml and the Atom feed, built from all site entries.</summary>
public static class SiteIndexRenderer
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Relative path of page <paramref name="page"/> (1-based) of a list under <paramref name="folder"/> ("" = site root).</summary>
    public static string ListPath(string folder, int page) =>
        (folder.Length == 0 ? "" : folder + "/") + (page == 1 ? "index.html" : $"page-{page}.html");

    public static IEnumerable<(string Path, string Html)> ListPages(
        SiteOptions site, string folder, string heading, IReadOnlyList<SiteEntry> newestFirst, IReadOnlyList<(string Name, string Folder)> categories)
    {
        int pages = Math.Max(1, (newestFirst.Count + site.PageSize - 1) / site.PageSize);
        string toRoot = folder.Length == 0 ? "" : string.Concat(Enumerable.Repeat("../", folder.Count(c => c == '/') + 1));
        for (int page = 1; page <= pages; page++)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .Append(Encoder.Encode(heading)).Append(" - ").Append(Encoder.Encode(site.SiteTitle)).Append("</title>\n")
                .Append("<link rel=\"stylesheet\" href=\"").Append(toRoot).Append(SiteStyles.Path).Append("\">\n")
                .Append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"").Append(toRoot).Append("feed.xml\" title=\"最新信息\">\n")
                .Append("</head>\n<body>\n<header><p><a href=\"").Append(toRoot).Append("index.html\">").Append(Encoder.Encode(site.SiteTitle)).Append("</a></p>\n");
            if (categories.Count > 0)
            {
                html.Append("<nav aria-label=\"栏目\"><ul>\n");
                foreach (var (name, categoryFolder) in categories)
                {
                    html.Append("<li><a href=\"").Append(toRoot).Append(categoryFolder).Append("/index.html\">").Append(Encoder.Encode(name)).Append("</a></li>\n");
                }

                html.Append("</ul></nav>\n");
            }

            html.Append("</header>\n<main>\n<h1>").Append(Encoder.Encode(heading)).Append("</h1>\n<ul class=\"list\">\n");
            foreach (var entry in newestFirst.Skip((page - 1) * site.PageSize).Take(site.PageSize))
            {
                html.Append("<li><a href=\"").Append(toRoot).Append(entry.Path).Append("\">").Append(Encoder.Encode(entry.Title))
                    .Append("</a> <time datetime=\"").Append(SitePageRenderer.ChinaDate(entry.PublishedAt)).Append("\">")
                    .Append(SitePageRenderer.ChinaDate(entry.PublishedAt)).Append("</time></li>\n");
            }

            html.Append("</ul>\n<nav aria-label=\"分页\"><p>第 ").Append(page).Append(" / ").Append(pages).Append(" 页");
            if (page > 1)
            {
                html.Append(" <a rel=\"prev\" href=\"").Append(Path.GetFileName(ListPath(folder, page - 1))).Append("\">上一页</a>");
            }

            if (page < pages)
            {
                html.Append(" <a rel=\"next\" href=\"").Append(Path.GetFileName(ListPath(folder, page + 1))).Append("\">下一页</a>");
            }

            html.Append("</p></nav>\n</main>\n</body>\n</html>\n");
            yield return (ListPath(folder, page), html.ToString());
        }
    }

    public static string Sitemap(SiteOptions site, IReadOnlyList<SiteEntry> entries)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.Append("<url><loc>").Append(Escape(site.UrlOf("index.html").AbsoluteUri)).Append("</loc></url>\n");
        foreach (var entry in entries)
        {
            xml.Append("<url><loc>").Append(Escape(site.UrlOf(entry.Path).AbsoluteUri)).Append("</loc><lastmod>")
                .Append(entry.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</lastmod></url>\n");
        }

        return xml.Append("</urlset>\n").ToString();
    }

    public static string AtomFeed(SiteOptions site, IReadOnlyList<SiteEntry> newestFirst, int max = 50)
    {
        string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        DateTimeOffset updated = newestFirst.Count > 0 ? newestFirst.Max(e => e.UpdatedAt) : DateTimeOffset.UnixEpoch;
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
        xml.Append("<title>").Append(Escape(site.SiteTitle)).Append("</title>\n")
            .Append("<id>").Append(Escape(site.BaseUrl.AbsoluteUri)).Append("</id>\n")
            .Append("<link rel=\"self\" href=\"").Append(Escape(site.UrlOf("feed.xml").AbsoluteUri)).Append("\"/>\n")
            .Append("<link href=\"").Append(Escape(site.UrlOf("index.html").AbsoluteUri)).Append("\"/>\n")
            .Append("<updated>").Append(Time(updated)).Append("</updated>\n");
        foreach (var entry in newestFirst.Take(max))
        {
            string url = site.UrlOf(entry.Path).AbsoluteUri;
            xml.Append("<entry>\n<title>").Append(Escape(entry.Title)).Append("</title>\n")
                .Append("<id>").Append(Escape(url)).Append("</id>\n<link href=\"").Append(Escape(url)).Append("\"/>\n")
                .Append("<published>").Append(Time(entry.PublishedAt)).Append("</published>\n")
                .Append("<updated>").Append(Time(entry.UpdatedAt)).Append("</updated>\n")
                .Append("<author><name>").Append(Escape(entry.Publisher ?? site.SiteTitle)).Append("</name></author>\n")
                .Append("<summary>").Append(Escape(entry.Summary)).Append("</summary>\n</entry>\n");
        }

        return xml.Append("</feed>\n").ToString();
    }

    static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            // Control characters are not allowed in XML 1.0 at all.
            if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
            {
                continue;
            }

            builder.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", '\'' => "&apos;", _ => c.ToString() });
        }

        return builder.ToString();
    }
}
