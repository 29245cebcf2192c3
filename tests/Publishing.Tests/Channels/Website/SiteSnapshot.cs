using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Azure.Storage.Blobs;
using Publishing.Channels.Website;

namespace Publishing.Tests.Channels.Website;

/// <summary>Every file of a published site at one moment, read back as a visitor or a crawler would see it.</summary>
internal sealed partial class SiteSnapshot
{
    static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";

    readonly Dictionary<string, string> files;
    readonly SiteOptions site;

    SiteSnapshot(Dictionary<string, string> files, SiteOptions site)
    {
        this.files = files;
        this.site = site;
    }

    public static async Task<SiteSnapshot> ReadAsync(BlobContainerClient container, SiteOptions site)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync())
        {
            files[blob.Name] = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        }

        return new SiteSnapshot(files, site);
    }

    public IReadOnlyCollection<string> Paths => files.Keys;

    public bool Has(string path) => files.ContainsKey(path);

    public string Text(string path) => files.TryGetValue(path, out string? text) ? text : throw new Xunit.Sdk.XunitException($"{path} is not on the site.");

    /// <summary>Every link of every page, feed and sitemap that points into the site but at no file ("from → to").</summary>
    public List<string> BrokenLinks()
    {
        var broken = new List<string>();
        foreach (var (path, text) in files)
        {
            IEnumerable<string> targets = path.EndsWith(".html", StringComparison.Ordinal)
                ? Hrefs(text).Where(IsRelative).Select(href => Resolve(path, href))
                : path.EndsWith(".xml", StringComparison.Ordinal)
                    ? AbsoluteUrls(text).Where(u => u.StartsWith(site.BaseUrl.AbsoluteUri, StringComparison.Ordinal)).Select(u => u[site.BaseUrl.AbsoluteUri.Length..])
                    : [];
            broken.AddRange(targets.Where(target => !files.ContainsKey(target.Length == 0 || target.EndsWith('/') ? target + "index.html" : target))
                .Select(target => $"{path} → {target}"));
        }

        return broken;
    }

    /// <summary>Item ids on a list's archive pages, from page 1 (oldest) on, each page's entries oldest first.</summary>
    public List<string> Archive(string folder)
    {
        string prefix = folder.Length == 0 ? "" : folder + "/";
        var pages = files.Keys
            .Select(p => PagePattern().Match(p))
            .Where(m => m.Success && m.Groups["folder"].Value == prefix)
            .Select(m => int.Parse(m.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        Assert.Equal(Enumerable.Range(1, pages.Count), pages);
        return pages.SelectMany(page => Listed(prefix + "page-" + page + ".html").AsEnumerable().Reverse()).ToList();
    }

    /// <summary>Item ids on a list's front page, newest first.</summary>
    public List<string> Front(string folder) => Listed((folder.Length == 0 ? "" : folder + "/") + "index.html");

    /// <summary>Item ids of the article URLs in every sitemap the sitemap index lists.</summary>
    public List<string> Sitemap()
    {
        var index = XDocument.Parse(Text(SiteIndexRenderer.SitemapPath));
        return index.Root!.Elements(SitemapNs + "sitemap")
            .Select(s => ((string)s.Element(SitemapNs + "loc")!)[site.BaseUrl.AbsoluteUri.Length..])
            .SelectMany(chunk => XDocument.Parse(Text(chunk)).Root!.Elements(SitemapNs + "url").Select(u => (string)u.Element(SitemapNs + "loc")!))
            .Select(IdOf)
            .OfType<string>()
            .ToList();
    }

    /// <summary>Item ids in feed.xml, in the feed's order.</summary>
    public List<string> Feed() =>
        XDocument.Parse(Text(SiteIndexRenderer.FeedPath)).Root!.Elements(AtomNs + "entry")
            .Select(e => IdOf((string)e.Element(AtomNs + "id")!)!)
            .ToList();

    public List<string> Listed(string path)
    {
        using var document = new HtmlParser().ParseDocument(Text(path));
        return document.QuerySelectorAll("ul.list a").Select(a => IdOf(a.GetAttribute("href")!)!).ToList();
    }

    public static List<string> Hrefs(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!).ToList();
    }

    static bool IsRelative(string href) => !href.Contains(':', StringComparison.Ordinal) && !href.StartsWith('#') && !href.StartsWith('/');

    static string Resolve(string fromPath, string href)
    {
        var resolved = new Uri(new Uri("https://site.invalid/" + fromPath), href);
        return resolved.AbsolutePath.TrimStart('/');
    }

    static IEnumerable<string> AbsoluteUrls(string xml)
    {
        var document = XDocument.Parse(xml);
        return document.Descendants().Where(e => e.Name.LocalName is "loc" or "id").Select(e => e.Value)
            .Concat(document.Descendants().Where(e => e.Name.LocalName == "link").Select(e => (string?)e.Attribute("href") ?? ""));
    }

    static string? IdOf(string url) => ArticlePattern().Match(url) is { Success: true } m ? m.Groups["id"].Value : null;

    [GeneratedRegex(@"^(?<folder>(lists/[^/]+/)?)page-(?<page>\d+)\.html$")]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"articles/(?<id>[0-9a-f]+)\.html$")]
    private static partial Regex ArticlePattern();
}
