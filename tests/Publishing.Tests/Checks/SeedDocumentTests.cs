using Publishing.Checks;

namespace Publishing.Tests.Checks;

/// <summary>The real published documents: 000–003 are clean enough to publish, 004 is converter-damaged.</summary>
public class SeedDocumentTests
{
    static string Seed(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Checks", "Seeds", name));

    [Theory]
    [InlineData("000_e4c832623093eabd.txt")]
    [InlineData("001_a1074035d42a115c.txt")]
    [InlineData("002_15c8a3cdb9749e18.txt")]
    [InlineData("003_02085f7e2344a83a.txt")]
    public void PublishedDocument_HasNoBlockingFinding(string name)
    {
        var report = CheckRunner.Body(Seed(name).Replace("\r", "", StringComparison.Ordinal));

        Assert.Empty(report.Findings.Where(f => f.Severity == Severities.Block).Select(f => $"{f.RuleId}: {f.Excerpt}"));
    }

    [Fact]
    public void ConverterDamagedDocument_IsBlockedAsGarbled()
    {
        var report = CheckRunner.Body(Seed("004_147d199bc4a19897.txt"));

        Assert.Contains(report.Findings, f => f.Aspect == Aspects.Textual && f.RuleId.StartsWith("textual.garbled", StringComparison.Ordinal) && f.Severity == Severities.Block);
    }

    [Theory]
    [InlineData("000_e4c832623093eabd.txt")]
    [InlineData("003_02085f7e2344a83a.txt")]
    [InlineData("004_147d199bc4a19897.txt")]
    public void EveryFinding_SlicesItsExcerptOutOfTheVisibleText_AndMapsIntoTheHtml(string name)
    {
        string title = "关于印发工作要点的通知";
        string body = Seed(name).Replace("\r", "", StringComparison.Ordinal) + "\n联系人手机13800138000，秘密★1年";
        var report = CheckRunner.Body(body, title);
        var visible = Publishing.Content.VisibleText.ForItem(title, Publishing.Content.VisibleTextExtractor.Extract(report.SanitizedHtml));

        Assert.NotEmpty(report.Findings);
        foreach (var finding in report.Findings)
        {
            string slice = visible.Text.Substring(finding.Start, finding.Length);
            if (finding.RuleId.StartsWith("confidentiality.personal-data.", StringComparison.Ordinal) && finding.Severity == Severities.Block)
            {
                // Personal data is shown masked: same length for digits, never the digits in the middle.
                Assert.NotEqual(slice, finding.Excerpt);
                Assert.Contains("****", finding.Excerpt, StringComparison.Ordinal);
                continue;
            }

            Assert.Equal(finding.Excerpt, slice);
            if (finding.HtmlStart is int htmlStart && finding.Length > 0)
            {
                string html = report.SanitizedHtml.Substring(htmlStart, finding.HtmlLength!.Value);
                Assert.Equal(finding.Excerpt.Trim(), System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "")).Replace('\u00A0', ' ').Trim());
            }
        }
    }
}
