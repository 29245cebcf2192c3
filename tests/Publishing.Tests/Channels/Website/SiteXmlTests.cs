using System.Text.RegularExpressions;
using System.Xml.Linq;
using Publishing.Channels.Website;

namespace Publishing.Tests.Channels.Website;

/// <summary>
/// sitemap.xml and feed.xml must stay readable by every crawler and feed reader, whatever a title carries: characters
/// XML 1.0 forbids even as references are dropped, markup is escaped, everything else is kept.
/// </summary>
public class SiteXmlTests
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory]
    // Noncharacters pasted from Word or a broken converter.
    [InlineData("通知\\uFFFF全文", "通知全文")]
    [InlineData("通知\\uFFFE全文", "通知全文")]
    // C0 controls other than tab, LF, CR: NUL, SOH, backspace, vertical tab, form feed, unit separator.
    [InlineData("通知\\u0000全文", "通知全文")]
    [InlineData("通知\\u0001全文", "通知全文")]
    [InlineData("通知\\u0008全文", "通知全文")]
    [InlineData("通知\\u000B全文", "通知全文")]
    [InlineData("通知\\u000C全文", "通知全文")]
    [InlineData("通知\\u001F全文", "通知全文")]
    // Lone surrogates: a pair cut in half (e.g. by a length limit), or reversed.
    [InlineData("通知\\uD83D全文", "通知全文")]
    [InlineData("通知\\uDE00全文", "通知全文")]
    [InlineData("通知\\uD83D", "通知")]
    [InlineData("\\uDE00\\uD83D通知", "通知")]
    // Allowed: tab, LF, CR, a whole surrogate pair, private use, U+FFFD.
    [InlineData("第一\\t第二\\n第三\\r", "第一\\t第二\\n第三\\r")]
    [InlineData("点赞\\uD83D\\uDE00", "点赞\\uD83D\\uDE00")]
    [InlineData("\\uE000\\uFFFD", "\\uE000\\uFFFD")]
    // Markup is escaped, not dropped.
    [InlineData("<b>关于\"A&B\"的'通知'</b>", "&lt;b&gt;关于&quot;A&amp;B&quot;的&apos;通知&apos;&lt;/b&gt;")]
    public void Text_DropsWhatXmlForbids_AndEscapesMarkup(string escapedInput, string escapedExpected)
    {
        // Rows are written escaped: attribute data and xunit's serialization cannot carry a lone surrogate.
        Assert.Equal(Regex.Unescape(escapedExpected), SiteXml.Text(Regex.Unescape(escapedInput)));
    }

    public static TheoryData<string> HostileTitles() =>
    [
        @"关于\uFFFF做好工作的通知",
        @"关于\u0000\u0001\u001F做好工作的通知",
        @"关于\uD800做好工作的通知",
        @"关于\uDFFF做好工作的通知",
        @"关于做好工作的通知\uD83D",
    ];

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void AtomFeed_WithAHostileTitlePublisherAndSummary_StaysWellFormed(string escapedTitle)
    {
        string title = Regex.Unescape(escapedTitle);
        var site = new SiteOptions { SiteTitle = "政府信息公开" + title };
        var entry = new SiteListEntry(1, "0123456789abcdef0123456789abcdef", title, title, title, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var feed = XDocument.Parse(SiteIndexRenderer.AtomFeed(site, [entry]));

        var parsed = feed.Root!.Element(Atom + "entry")!;
        Assert.Equal("关于做好工作的通知", (string)parsed.Element(Atom + "title")!);
        Assert.Equal("关于做好工作的通知", (string)parsed.Element(Atom + "summary")!);
        Assert.Equal("关于做好工作的通知", (string)parsed.Element(Atom + "author")!.Element(Atom + "name")!);
        Assert.Equal("政府信息公开关于做好工作的通知", (string)feed.Root.Element(Atom + "title")!);
    }

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void Sitemap_OnASiteWithAHostileTitle_StaysWellFormed(string escapedTitle)
    {
        string title = Regex.Unescape(escapedTitle);
        var site = new SiteOptions { SiteTitle = title };
        var entry = new SitemapUrl(1, "0123456789abcdef0123456789abcdef", DateTimeOffset.UnixEpoch);

        var chunk = XDocument.Parse(SiteIndexRenderer.SitemapChunk(site, 1, [entry]));
        var index = XDocument.Parse(SiteIndexRenderer.SitemapIndex(site, 1));

        Assert.Equal(["http://127.0.0.1:7071/site/index.html", "http://127.0.0.1:7071/site/articles/0123456789abcdef0123456789abcdef.html"],
            chunk.Root!.Elements(Sitemaps + "url").Select(u => (string)u.Element(Sitemaps + "loc")!));
        Assert.Equal("http://127.0.0.1:7071/site/sitemap-1.xml", (string)index.Root!.Element(Sitemaps + "sitemap")!.Element(Sitemaps + "loc")!);
    }
}
