using System.Net;
using System.Xml.Linq;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Channels;

/// <summary>The government website channel, end to end: page, lists, sitemap, feed, policy↔interpretation links, retraction.</summary>
[Collection(SharedHostCollection.Name)]
public class WebsiteTests(SharedHost host)
{
    static object WebsiteOnly(string title, string kind = "policy", string? interpretsItemId = null, string body = Submissions.DefaultBody) => new
    {
        kind,
        title,
        bodyHtml = body,
        metadata = new
        {
            publisher = "临沂市商务局",
            orgCode = "1123045263",
            documentNumber = kind == "policy" ? "临商务字〔2023〕12号" : null,
            disclosureMode = "主动公开",
            category = "商务",
            validity = "有效",
            writtenDate = "2023-06-20",
        },
        channels = new[] { "website" },
        interpretsItemId,
    };

    [Fact]
    public async Task ApprovedItem_IsPublishedAsAnAccessiblePage_InListsSitemapAndFeed_AndRetractionRemovesIt()
    {
        using var editor = host.As("editor1");
        using var admin = host.As("admin1");
        using var site = new HttpClient { BaseAddress = host.Process.BaseAddress };
        string title = "临沂市商务局关于做好2023年外贸稳增长工作的通知 " + Guid.NewGuid().ToString("N")[..6];
        string id = await ReviewFlow.ApproveAllAsync(host.Process.BaseAddress,
            WebsiteOnly(title, body: Submissions.DefaultBody + "<p>附件：<a href=\"https://www.linyi.gov.cn/files/plan.pdf\">工作方案</a></p>"));

        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Equal("Published", (string?)item["status"]);
        var website = item["publications"]!["website"]!;
        Assert.Equal("published", (string?)website["state"]);
        string url = (string)website["url"]!;
        Assert.StartsWith(host.Process.BaseAddress + "site/", url);

        string page = await site.GetStringAsync(url);
        Assert.Contains("<html lang=\"zh-CN\">", page);
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains((string)item["indexNumber"]!, page);
        foreach (string label in new[] { "索引号", "发布机构", "发布日期", "公开方式", "文号", "有效性", "标题" })
        {
            Assert.Contains($"<th scope=\"row\">{label}</th>", page);
        }

        Assert.Contains("临商务字〔2023〕12号", page);
        Assert.Contains("<h2 id=\"attachments\">附件</h2>", page);
        Assert.Contains("<link rel=\"stylesheet\" href=\"../site.css\">", page);
        var css = await site.GetAsync("site/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("table.xxgk-meta", await css.Content.ReadAsStringAsync());
        Assert.Contains(new Uri(url).AbsolutePath, await SitemapPathsAsync(site));
        // The test run's hosts publish into one site at once: a concurrent publisher that took the list's newer
        // version writes the file that shows this entry, possibly a moment after this publish returned.
        await ListedAsync(site, "site/index.html", title);
        await ListedAsync(site, "site/lists/swj/index.html", title);
        var feed = XDocument.Parse(await site.GetStringAsync("site/feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => (string?)e.Element(atom + "title") == title);

        var retract = await admin.PostJsonAsync($"api/items/{id}/retract", new { reason = "内容需更新，暂时撤下" });
        Assert.Equal(HttpStatusCode.OK, retract.StatusCode);
        Assert.Equal("Retracted", (string?)(await ApiClient.ReadJsonAsync(retract))["status"]);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(new Uri(url).AbsolutePath, await SitemapPathsAsync(site));
        Assert.DoesNotContain(title, await site.GetStringAsync("site/index.html"));
        Assert.DoesNotContain(title, await site.GetStringAsync("site/feed.xml"));
        var audit = await admin.GetJsonAsync($"api/items/{id}/audit");
        Assert.Contains(audit["entries"]!.AsArray(), e => (string?)e!["action"] == "retracted");
        Assert.True((bool)audit["verified"]!);
    }

    [Fact]
    public async Task PolicyAndItsInterpretation_LinkToEachOther_OnceBothArePublished()
    {
        using var editor = host.As("editor1");
        using var site = new HttpClient { BaseAddress = host.Process.BaseAddress };
        string policyTitle = "临沂市促进消费若干措施 " + Guid.NewGuid().ToString("N")[..6];
        string policyId = await ReviewFlow.ApproveAllAsync(host.Process.BaseAddress, WebsiteOnly(policyTitle));
        var policy = await ReviewFlow.WaitForPublishedAsync(editor, policyId);
        string policyUrl = (string)policy["publications"]!["website"]!["url"]!;
        Assert.DoesNotContain("政策解读", await site.GetStringAsync(policyUrl));

        string interpretationTitle = "《临沂市促进消费若干措施》政策解读 " + Guid.NewGuid().ToString("N")[..6];
        string interpretationId = await ReviewFlow.ApproveAllAsync(host.Process.BaseAddress,
            WebsiteOnly(interpretationTitle, kind: "interpretation", interpretsItemId: policyId));
        var interpretation = await ReviewFlow.WaitForPublishedAsync(editor, interpretationId);
        string interpretationUrl = (string)interpretation["publications"]!["website"]!["url"]!;

        string policyPage = await site.GetStringAsync(policyUrl);
        string interpretationPage = await site.GetStringAsync(interpretationUrl);
        Assert.Contains($"articles/{interpretationId}.html\">{interpretationTitle}</a>", policyPage);
        Assert.Contains($"articles/{policyId}.html\">{policyTitle}</a>", interpretationPage);
    }

    [Fact]
    public async Task SiteAddresses_OpenWithAtMostOneRedirect_NeverALoop()
    {
        using var editor = host.As("editor1");
        string title = "临沂市商务局关于开展消费季活动的通知 " + Guid.NewGuid().ToString("N")[..6];
        string id = await ReviewFlow.ApproveAllAsync(host.Process.BaseAddress, WebsiteOnly(title));
        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);
        string article = new Uri((string)item["publications"]!["website"]!["url"]!).AbsolutePath;
        using var site = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Process.BaseAddress };

        foreach (var (path, redirects) in new[]
        {
            ("/site/", 0), ("/site", 1), ("/site/index.html", 0), ("/site/lists/swj/", 0), ("/site/lists/swj", 1),
            ("/site/lists/swj/index.html", 0), (article, 0), ("/site/feed.xml", 0), ("/site/sitemap.xml", 0),
        })
        {
            var (response, hops) = await FollowAsync(site, path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} → {(int)response.StatusCode} after {hops} redirect(s)");
            Assert.True(hops == redirects, $"{path} took {hops} redirect(s), expected {redirects}");
        }

        var (front, _) = await FollowAsync(site, "/site");
        Assert.Contains(title, await front.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await FollowAsync(site, "/site/lists/no-such-column/")).Response.StatusCode);
    }

    /// <summary>Follows redirects by hand, failing on the first address seen twice (a loop) or after five hops.</summary>
    static async Task<(HttpResponseMessage Response, int Hops)> FollowAsync(HttpClient client, string path)
    {
        var seen = new List<string> { path };
        for (int hops = 0; ; hops++)
        {
            var response = await client.GetAsync(seen[^1]);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                return (response, hops);
            }

            string next = new Uri(new Uri(client.BaseAddress!, seen[^1]), response.Headers.Location!).PathAndQuery;
            Assert.False(seen.Contains(next), $"redirect loop: {string.Join(" → ", seen)} → {next}");
            Assert.True(hops < 5, $"too many redirects: {string.Join(" → ", seen)}");
            seen.Add(next);
        }
    }

    /// <summary>
    /// The path of every address in every sitemap the sitemap index lists. Paths, not whole addresses: the host
    /// processes of this test run share one site, each with its own port in its base address.
    /// </summary>
    static async Task<List<string>> SitemapPathsAsync(HttpClient site)
    {
        XNamespace sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await site.GetStringAsync("site/sitemap.xml"));
        var paths = new List<string>();
        foreach (var chunk in index.Root!.Elements(sitemaps + "sitemap").Select(s => new Uri((string)s.Element(sitemaps + "loc")!).AbsolutePath))
        {
            paths.AddRange(XDocument.Parse(await site.GetStringAsync(chunk)).Root!.Elements(sitemaps + "url")
                .Select(u => new Uri((string)u.Element(sitemaps + "loc")!).AbsolutePath));
        }

        return paths;
    }

    [Fact]
    public async Task ItemWithoutWebsiteRole_CannotRetract()
    {
        using var editor = host.As("editor1");
        var response = await editor.PostJsonAsync("api/items/0123456789abcdef0123456789abcdef/retract", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    static async Task ListedAsync(HttpClient site, string path, string title)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await site.GetStringAsync(path)).Contains(title, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} never listed “{title}”");
            await Task.Delay(250);
        }
    }
}
