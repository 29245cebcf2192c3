namespace Publishing.Channels.Website;

/// <summary>The site's one stylesheet (<c>site.css</c>): readable Chinese text, a bordered metadata table as on 政府网站.</summary>
static class SiteStyles
{
    public const string Path = "site.css";

    public const string Css = """
        body { margin: 0 auto; max-width: 960px; padding: 0 16px; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.8; color: #222; }
        header { border-bottom: 3px solid #b71c1c; padding: 12px 0; margin-bottom: 16px; }
        header a { color: #b71c1c; font-size: 1.3em; font-weight: bold; text-decoration: none; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
        h1 { text-align: center; font-size: 1.6em; line-height: 1.5; margin: 24px 0; }
        table.xxgk-meta { width: 100%; border-collapse: collapse; margin-bottom: 16px; font-size: 0.95em; }
        table.xxgk-meta caption { text-align: left; font-weight: bold; padding: 4px 0; }
        table.xxgk-meta th, table.xxgk-meta td { border: 1px solid #ccc; padding: 6px 10px; text-align: left; }
        table.xxgk-meta th { background: #f5f5f5; width: 7em; white-space: nowrap; }
        .article-body p { text-indent: 2em; }
        .article-body table { border-collapse: collapse; }
        .article-body th, .article-body td { border: 1px solid #ccc; padding: 4px 8px; }
        .article-body img { max-width: 100%; }
        ul.list li { display: flex; justify-content: space-between; border-bottom: 1px dashed #ddd; padding: 6px 0; }
        .a11y-bar { text-align: right; margin: 8px 0; }
        .a11y-bar button { font-size: 1em; padding: 4px 12px; margin-left: 8px; border: 1px solid #555; background: #fff; color: #222; cursor: pointer; }
        .a11y-bar button[aria-pressed="true"] { background: #222; color: #fff; }
        html.a11y-large { font-size: 125%; }
        html.a11y-large body { line-height: 2; }
        html.a11y-contrast body, html.a11y-contrast table.xxgk-meta th { background: #000; color: #fff; }
        html.a11y-contrast a, html.a11y-contrast header a { color: #ff0; }
        html.a11y-contrast footer { color: #fff; }
        html.a11y-contrast .a11y-bar button { background: #000; color: #ff0; border-color: #ff0; }
        footer { border-top: 1px solid #ddd; margin-top: 32px; padding: 12px 0; color: #666; text-align: center; }
        """;
}
