using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Publishing.Items;

namespace Publishing.Channels.Website;

/// <summary>Renders one article page: accessible, lang="zh-CN", the 政务公开 metadata table, the body, attachments, related links.</summary>
public static class SitePageRenderer
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    static readonly string[] AttachmentExtensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".ofd", ".zip", ".rar"];

    public sealed record RelatedLink(string Label, string Title, string Href);

    public static string Render(
        SiteOptions site, SiteEntry entry, ItemMetadata metadata, string sanitizedBody, IReadOnlyList<RelatedLink> related,
        IReadOnlyList<Assets.SiteAttachment>? files = null)
    {
        var html = new StringBuilder(sanitizedBody.Length + 4096);
        string title = Encoder.Encode(entry.Title);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append(" - ").Append(Encoder.Encode(site.SiteTitle)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"../").Append(SiteStyles.Path).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../feed.xml\" title=\"最新信息\">\n")
            .AppendHead(site, "../", new SiteChrome.PageMeta(entry.Category, entry.Title, ChinaDate(entry.PublishedAt), metadata.Publisher))
            .Append("</head>\n<body>\n").AppendToolbar().Append("<header><p><a href=\"../index.html\">").Append(Encoder.Encode(site.SiteTitle)).Append("</a></p></header>\n")
            .Append("<main>\n<article>\n");

        html.Append("<table class=\"xxgk-meta\">\n<caption>信息公开属性</caption>\n<tbody>\n");
        Row(html, "索引号", entry.IndexNumber, "公开目录", entry.Category);
        Row(html, "发布机构", metadata.Publisher, "发布日期", ChinaDate(entry.PublishedAt));
        Row(html, "公开方式", metadata.DisclosureMode, "文号", metadata.DocumentNumber);
        Row(html, "成文日期", metadata.WrittenDate, "有效性", metadata.Validity);
        html.Append("<tr><th scope=\"row\">标题</th><td colspan=\"3\">").Append(title).Append("</td></tr>\n</tbody>\n</table>\n");

        html.Append("<h1>").Append(title).Append("</h1>\n<div class=\"article-body\">\n").Append(sanitizedBody).Append("\n</div>\n");

        var attachments = Attachments(sanitizedBody);
        if (attachments.Count > 0 || files is { Count: > 0 })
        {
            html.Append("<section aria-labelledby=\"attachments\">\n<h2 id=\"attachments\">附件</h2>\n<ul>\n");
            foreach (var file in files ?? [])
            {
                html.Append("<li><a href=\"").Append(Encoder.Encode(file.Href)).Append("\" download>").Append(Encoder.Encode(file.Title))
                    .Append("</a> <span class=\"attachment-meta\">（").Append(file.Format).Append("，").Append(FileSize(file.Size)).Append("）</span></li>\n");
            }

            foreach (var (href, text) in attachments)
            {
                html.Append("<li><a href=\"").Append(Encoder.Encode(href)).Append("\">").Append(Encoder.Encode(text)).Append("</a></li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        if (related.Count > 0)
        {
            html.Append("<section aria-labelledby=\"related\">\n<h2 id=\"related\">相关链接</h2>\n<ul>\n");
            foreach (var link in related)
            {
                html.Append("<li>").Append(Encoder.Encode(link.Label)).Append("：<a href=\"").Append(Encoder.Encode(link.Href)).Append("\">")
                    .Append(Encoder.Encode(link.Title)).Append("</a></li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        html.Append("</article>\n</main>\n").AppendFooter(site, metadata.Publisher).Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>"1.2 MB", "35 KB": as a reader expects beside a download link.</summary>
    public static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    public static string ChinaDate(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static void Row(StringBuilder html, string label1, string? value1, string label2, string? value2) =>
        html.Append("<tr><th scope=\"row\">").Append(label1).Append("</th><td>").Append(Encoder.Encode(value1 ?? ""))
            .Append("</td><th scope=\"row\">").Append(label2).Append("</th><td>").Append(Encoder.Encode(value2 ?? "")).Append("</td></tr>\n");

    /// <summary>Links in the body that point at documents are listed again as the item's attachments.</summary>
    static List<(string Href, string Text)> Attachments(string sanitizedBody)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument(sanitizedBody);
        return document.QuerySelectorAll("a[href]")
            .Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent.Trim()))
            .Where(a => AttachmentExtensions.Any(ext => a.Href.Split('?', '#')[0].EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
            .Select(a => (a.Href, a.Text.Length > 0 ? a.Text : a.Href))
            .ToList();
    }
}
