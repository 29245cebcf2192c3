using System.Reflection;
using System.Text;
using Publishing.Checks;
using Publishing.Content;
using Publishing.Tests.Content;

namespace Publishing.Tests.Checks;

/// <summary>
/// Hostile and broken input through the whole pipeline: no exception, and every finding's range lies inside the
/// checked text and the sanitized HTML (an out-of-range position was a 500 from FindingCollector.Add).
/// </summary>
public class CheckPipelineFuzzTests
{
    static string Rep(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        // Every attack vector of the sanitizer's test table.
        var vectors = typeof(ArticleSanitizerTests).GetMethod(nameof(ArticleSanitizerTests.Sanitize_AttackVector_DoesNotSurvive))!
            .GetCustomAttributes<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);
        int n = 0;
        foreach (string vector in vectors)
        {
            data.Add($"sanitizer vector {n++}", vector);
        }

        data.Add("DOMPurify namespace confusion", "<math></br><textarea><mtext><template><style></textarea><img src=x onerror=alert(1)>");
        data.Add("image after the last paragraph", "<p>正文</p><p><img src=\"https://a.example/1.png\"></p>");
        data.Add("only an image", "<img src=\"https://a.example/1.png\">");
        data.Add("only breaks", "<br><br><br>");
        data.Add("empty", "");
        data.Add("nested divs", Rep("<div>", 5_000) + "绝密★" + Rep("</div>", 5_000));
        data.Add("nested lists", Rep("<ul><li>", 3_000));
        data.Add("nested tables", Rep("<table><tr><td>", 2_000));
        data.Add("misnested formatting", string.Concat(Enumerable.Range(0, 200).Select(i => $"<b id={i}>")) + Rep("<p>秘密★1年", 2_000));
        data.Add("unclosed everything", "<p><b><i><a href=\"https://a.example/\"><table><td><ul><li><p>正文");
        data.Add("template and svg", Rep("<template><svg><foreignObject><div/>", 1_000));
        data.Add("NUL and U+FFFF", "<p>绝\0密★10年\uFFFF联系电话1380013\08000\uFFFE</p><img alt=\"\0\uFFFF\">");
        data.Add("lone surrogates", "<p>\uD800绝密★\uDC00 13800138000\uD83D</p><img alt=\"\uDFFF\" title=\"\uD800\">");
        data.Add("huge attribute", "<p title=\"" + Rep("秘密★", 50_000) + "\">正文</p>");
        data.Add("huge alt with personal data", "<img src=\"https://a.example/1.png\" alt=\"" + Rep("13800138000 ", 10_000) + "\">");
        data.Add("entity soup", Rep("&", 20_000) + Rep("&#", 10_000) + Rep("&amp", 10_000) + "&#xD800;&#0;&#1114112;");
        data.Add("angle soup", Rep("<", 20_000) + Rep("<a", 5_000) + Rep("\"", 1_000));
        data.Add("comment soup", Rep("<!--", 10_000) + Rep("-->", 10_000));
        data.Add("format characters only", Rep("\u200b\u200d\u2060\ufeff\u00ad", 5_000));
        var random = new Random(20240612);
        for (int i = 0; i < 40; i++)
        {
            byte[] bytes = new byte[random.Next(0, 3_000)];
            random.NextBytes(bytes);
            data.Add($"random bytes {i}", Encoding.UTF8.GetString(bytes));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Run_HostileInput_NoExceptionAndEveryFindingInBounds(string name, string html)
    {
        foreach (string title in new[] { "通知", "\uD800标题\0", "" })
        {
            var report = CheckRunner.Html(html, title);

            var visible = VisibleText.ForItem(title, VisibleTextExtractor.Extract(report.SanitizedHtml));
            foreach (var finding in report.Findings)
            {
                Assert.True(finding.Start >= 0 && finding.Length >= 0 && finding.Start + finding.Length <= visible.Text.Length, $"{name}: {finding.RuleId} at {finding.Start}+{finding.Length} of {visible.Text.Length}");
                Assert.NotNull(finding.Excerpt);
                if (finding.HtmlStart is int htmlStart)
                {
                    Assert.True(htmlStart >= 0 && finding.HtmlLength >= 0 && htmlStart + finding.HtmlLength <= report.SanitizedHtml.Length, $"{name}: {finding.RuleId} html {htmlStart}+{finding.HtmlLength}");
                }
            }
        }
    }

    [Theory]
    [InlineData("<math></br><textarea><mtext><template><style></textarea><img src=x onerror=alert(1)>")]
    [InlineData("<p>正文</p><p><img src=\"https://a.example/1.png\"></p>")]
    public void ImageAtTheEndOfTheBody_IsReportedAtTheEndOfTheText(string html)
    {
        var report = CheckRunner.Html(html, "通知");

        var finding = Assert.Single(report.Rule("textual.image-alt"));
        var visible = VisibleText.ForItem("通知", VisibleTextExtractor.Extract(report.SanitizedHtml));
        Assert.Equal((visible.Text.Length, 0), (finding.Start, finding.Length));
        Assert.StartsWith("<img", report.SanitizedHtml[finding.HtmlStart!.Value..], StringComparison.Ordinal);
    }

    [Theory]
    // Markup no article has: kept as plain text, checked in full, and the editor is told the layout was dropped.
    [InlineData("nested divs")]
    [InlineData("nested lists")]
    [InlineData("misnested formatting")]
    public void Run_PathologicalMarkup_KeepsTheTextChecksItAndWarns(string name)
    {
        string html = name switch
        {
            "nested divs" => Rep("<div>", 5_000) + "<p>绝密★10年</p>",
            "nested lists" => Rep("<ul><li>", 3_000) + "绝密★10年",
            _ => string.Concat(Enumerable.Range(0, 200).Select(i => $"<b id={i}>")) + Rep("<p>秘密★1年", 5_000),
        };

        var report = CheckRunner.Html(html);

        Assert.Single(report.Rule(CheckPipeline.SimplifiedMarkupRuleId));
        Assert.Contains(report.Findings, f => f.RuleId == "confidentiality.secrecy-marking" && f.Severity == Severities.Block);
        Assert.StartsWith("<p>", report.SanitizedHtml, StringComparison.Ordinal);
    }
}
