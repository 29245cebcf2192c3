using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Publishing.Channels.Website;

namespace Publishing.Tests.Channels.Website;

/// <summary>What an inspector's crawler and an older reader find on a published page: meta tags, registration footer, 适老化 controls.</summary>
public class InspectionPageTests
{
    const string Hostile = "\"><script>alert(1)</script><meta name=\"x";

    readonly SiteHarness harness = new(pageSize: 5, feedSize: 10, sitemapChunkSize: 7);

    [Fact]
    public async Task PublishedArticleAndLists_CarryTheInspectionMetaTagsAndTheConfiguredFooter()
    {
        Configure(harness.Site, sponsor: "临沂市商务局", siteIdCode: "3713000012");
        string id = await harness.SaveAsync("关于做好外贸稳增长工作的通知");
        await harness.Publisher().PublishAsync(id, 1);

        var snapshot = await harness.SnapshotAsync();
        using var article = Parse(snapshot.Text(SiteEntry.PathFor(id)));
        Assert.Equal("临沂市人民政府 政府信息公开", MetaOf(article, "SiteName"));
        Assert.Equal("www.example.gov.cn", MetaOf(article, "SiteDomain"));
        Assert.Equal("3713000012", MetaOf(article, "SiteIDCode"));
        Assert.Equal("商务", MetaOf(article, "ColumnName"));
        Assert.Equal("关于做好外贸稳增长工作的通知", MetaOf(article, "ArticleTitle"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", MetaOf(article, "PubDate"));
        Assert.Equal("临沂市商务局", MetaOf(article, "ContentSource"));
        AssertFooter(article, "临沂市商务局", "3713000012");

        foreach (string list in new[] { "index.html", "lists/swj/index.html", "page-1.html" })
        {
            using var page = Parse(snapshot.Text(list));
            Assert.Equal("3713000012", MetaOf(page, "SiteIDCode"));
            Assert.Equal("www.example.gov.cn", MetaOf(page, "SiteDomain"));
            Assert.Null(page.QuerySelector("meta[name=ArticleTitle]"));
            AssertFooter(page, "临沂市商务局", "3713000012");
        }

        Assert.Equal("商务", MetaOf(Parse(snapshot.Text("lists/swj/index.html")), "ColumnName"));
        Assert.Equal(SiteListPages.HomeHeading, MetaOf(Parse(snapshot.Text("index.html")), "ColumnName"));
        Assert.Empty(snapshot.BrokenLinks());
    }

    [Fact]
    public async Task AgeFriendlyControls_AreNamedButtons_HiddenUntilTheScriptRuns_AndTheScriptIsPublished()
    {
        Configure(harness.Site, sponsor: "临沂市商务局", siteIdCode: "3713000012");
        string id = await harness.SaveAsync("关于促进消费的若干措施");
        await harness.Publisher().PublishAsync(id, 1);

        var snapshot = await harness.SnapshotAsync();
        using var article = Parse(snapshot.Text(SiteEntry.PathFor(id)));
        var bar = article.QuerySelector(".a11y-bar")!;
        // Without script the bar stays hidden and the content is all there.
        Assert.True(bar.HasAttribute("hidden"));
        Assert.Contains("为进一步做好相关工作", article.QuerySelector(".article-body")!.TextContent);
        var buttons = bar.QuerySelectorAll("button");
        Assert.Equal(["large", "contrast"], buttons.Select(b => b.GetAttribute("data-a11y")));
        Assert.All(buttons, b => Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("aria-label"))));
        Assert.Equal("../site.js", article.QuerySelector("head script")!.GetAttribute("src"));
        Assert.Contains("localStorage", snapshot.Text(SiteChrome.ScriptPath));
        Assert.Contains("html.a11y-contrast", snapshot.Text("site.css"));
        Assert.Contains("html.a11y-large", snapshot.Text("site.css"));
    }

    [Fact]
    public async Task HostileSettingsAndTitles_AreEncoded_NotMarkup()
    {
        Configure(harness.Site, sponsor: Hostile, siteIdCode: Hostile);
        harness.Site.SiteTitle = Hostile;
        string id = await harness.SaveAsync("标题" + Hostile);
        await harness.Publisher().PublishAsync(id, 1);

        var snapshot = await harness.SnapshotAsync();
        foreach (string path in new[] { SiteEntry.PathFor(id), "index.html", "lists/swj/index.html" })
        {
            using var page = Parse(snapshot.Text(path));
            Assert.Empty(page.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.QuerySelectorAll("meta[name=x]"));
            Assert.Equal(Hostile, MetaOf(page, "SiteIDCode"));
            Assert.Equal(Hostile, MetaOf(page, "SiteName"));
            Assert.Contains("主办单位：" + Hostile, page.QuerySelector("footer")!.TextContent);
        }

        Assert.Equal("标题" + Hostile, MetaOf(Parse(snapshot.Text(SiteEntry.PathFor(id))), "ArticleTitle"));
    }

    static void Configure(SiteOptions site, string sponsor, string siteIdCode)
    {
        site.Sponsor = sponsor;
        site.SiteIdCode = siteIdCode;
        site.IcpNumber = "鲁ICP备05001234号";
        site.PoliceNumber = "鲁公网安备 37130202000001号";
    }

    static void AssertFooter(IDocument page, string sponsor, string siteIdCode)
    {
        string footer = page.QuerySelector("footer")!.TextContent;
        Assert.Contains("主办单位：" + sponsor, footer);
        Assert.Contains("网站标识码：" + siteIdCode, footer);
        Assert.Contains("鲁ICP备05001234号", footer);
        Assert.Contains("鲁公网安备 37130202000001号", footer);
    }

    static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    static string MetaOf(IDocument page, string name)
    {
        var metas = page.QuerySelectorAll($"meta[name={name}]");
        Assert.Single(metas);
        return metas[0].GetAttribute("content")!;
    }
}
