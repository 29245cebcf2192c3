using Publishing.Checks;

namespace Publishing.Tests.Checks;

/// <summary>
/// Markings and personal data disguised so a plain text search misses them. Every trick is one row; a finding must
/// appear, point at the disguised text as the reader sees it, and map into the HTML.
/// </summary>
public class HidingTrickTests
{
    [Theory]
    // Stamp split by invisible format characters (Unicode Cf) and fillers.
    [InlineData("<p>绝\u200b密★10年</p>", "绝\u200b密★")] // ZERO WIDTH SPACE
    [InlineData("<p>绝\u200d密★10年</p>", "绝\u200d密★")] // ZERO WIDTH JOINER
    [InlineData("<p>机\u200c密★1年</p>", "机\u200c密★")] // ZERO WIDTH NON-JOINER
    [InlineData("<p>秘\u00ad密★1年</p>", "秘\u00ad密★")] // SOFT HYPHEN
    [InlineData("<p>秘\u2060密★1年</p>", "秘\u2060密★")] // WORD JOINER
    [InlineData("<p>秘\ufeff密★1年</p>", "秘\ufeff密★")] // BOM / ZERO WIDTH NO-BREAK SPACE
    [InlineData("<p>秘\u202e密★1年</p>", "秘\u202e密★")] // bidi override
    [InlineData("<p>秘\ufe0f密★1年</p>", "秘\ufe0f密★")] // variation selector
    [InlineData("<p>绝\u200b\u200b\u2060密</p>", "绝\u200b\u200b\u2060密")] // several, and as a stamp line
    // The same characters written as entities.
    [InlineData("<p>绝&#x200B;密★10年</p>", "绝\u200b密★")] // numeric entity
    [InlineData("<p>秘&shy;密★1年</p>", "秘\u00ad密★")] // named entity
    [InlineData("<p>&#x7EDD;&#23494;★10年</p>", "绝密★")] // the marking itself entity-encoded
    // Split by markup the reader never sees as a break.
    [InlineData("<p>绝<span>密</span>★10年</p>", "绝密★")]
    [InlineData("<p>绝<!-- -->密★10年</p>", "绝密★")]
    // Compatibility forms.
    [InlineData("<p>㊙密★1年</p>", "㊙密★")] // CIRCLED IDEOGRAPH SECRET
    public void SecrecyMarking_HiddenInText_IsBlocked(string html, string excerpt)
    {
        var report = CheckRunner.Html(html);

        var finding = Assert.Single(report.Rule("confidentiality.secrecy-marking"));
        Assert.Equal((Severities.Block, excerpt), (finding.Severity, finding.Excerpt));
        Assert.NotNull(finding.HtmlStart);
    }

    [Theory]
    // Markings where the sanitizer keeps text that is not body text.
    [InlineData("<p><img src=\"https://a.example/1.png\" alt=\"绝密★10年\"></p>", "alt")] // image description
    [InlineData("<p><span title=\"秘密★1年\">通知</span></p>", "title")] // tooltip
    [InlineData("<p><a href=\"https://a.example/\" title=\"机密★长期\">链接</a></p>", "title")] // link tooltip
    [InlineData("<p><img src=\"https://a.example/1.png\" alt=\"绝\u200b密★10年\"></p>", "alt")] // split, in alt
    [InlineData("<p><img src=\"https://a.example/1.png\" alt=\"绝&amp;#x200B;密★\"></p>", null)] // double-encoded: shown as text, no hidden character
    public void SecrecyMarking_InAttribute_IsBlockedAndNamesTheAttribute(string html, string? attribute)
    {
        var report = CheckRunner.Html(html);

        if (attribute is null)
        {
            Assert.Empty(report.Rule("confidentiality.secrecy-marking"));
            return;
        }

        var finding = Assert.Single(report.Rule("confidentiality.secrecy-marking"));
        Assert.Equal((Severities.Block, attribute), (finding.Severity, finding.Attribute));
        // The HTML range is inside the attribute value, so the desk can highlight it.
        string value = report.SanitizedHtml.Substring(finding.HtmlStart!.Value, finding.HtmlLength!.Value);
        Assert.Contains("密", value, StringComparison.Ordinal);
        Assert.DoesNotContain("<", value, StringComparison.Ordinal);
    }

    [Theory]
    // Personal data disguised by width, invisible characters, grouping and attributes.
    [InlineData("身份证号１１０１０１１９９００３０７４２５８", "id-card", "110101********4258")] // full-width digits
    [InlineData("身份证号11010519491231002Ｘ", "id-card", "110105********002X")] // full-width check character
    [InlineData("身份证号110101\u200b199003074258", "id-card", "110101********4258")] // ZWSP inside
    [InlineData("身份证号110101 19900307 4258", "id-card", "110101********4258")] // grouped with spaces
    [InlineData("身份证号110101-1990-0307-4258", "id-card", "110101********4258")] // grouped with hyphens
    // A person's mobile (手机): one in a 联系电话 line is a warning for a reviewer (ConfidentialityCheckTests), not a block.
    [InlineData("手机１３８００１３８０００", "mobile", "138****8000")] // full-width
    [InlineData("手机138\u20600013\u20608000", "mobile", "138****8000")] // WORD JOINER between groups
    [InlineData("手机138 0013 8000", "mobile", "138****8000")] // 3-4-4 with spaces
    [InlineData("手机138-0013-8000", "mobile", "138****8000")] // 3-4-4 with hyphens
    [InlineData("手机138 0013 8000 转 1234", "mobile", "138****8000")] // grouped, followed by more text
    [InlineData("卡号6222 0212 3456 7890 128", "bank-card", "***************0128")] // card in groups of four
    [InlineData("来信请发ｚｈａｎｇｓａｎ＠163.com", "email", "z***@163.com")] // full-width mailbox
    public void PersonalData_Disguised_IsBlockedAndMasked(string sentence, string kind, string masked)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("confidentiality.personal-data"));

        Assert.Equal(("confidentiality.personal-data." + kind, Severities.Block, masked, masked),
            (finding.RuleId, finding.Severity, finding.Excerpt, finding.Suggestion));
    }

    [Fact]
    public void PersonalData_InLinkAndImageAttributes_IsBlocked()
    {
        var report = CheckRunner.Html("<p><a href=\"https://a.example/?phone=13800138000\">报名</a><img src=\"https://a.example/1.png\" alt=\"张三 身份证110101199003074258\"></p>");

        Assert.Equal(["href", "alt"], report.Rule("confidentiality.personal-data").Select(f => f.Attribute));
    }

    [Theory]
    // Not hiding tricks: grouped numbers that are not personal data stay unflagged.
    [InlineData("时间为2023-05-23，共计123 456 789元")]
    [InlineData("服务热线400-123-4567，传真0539-8312345")]
    [InlineData("统一社会信用代码：11370100 MB28696235")]
    public void GroupedNumbersThatAreNotPersonalData_AreNotFlagged(string sentence)
    {
        Assert.Empty(CheckRunner.Body(sentence).Rule("confidentiality.personal-data"));
    }

    [Fact]
    public void FullWidthDigitsInDates_AreChecked()
    {
        var finding = Assert.Single(CheckRunner.Body("于２０２３年２月３０日发布。").Rule("textual.impossible-date"));

        Assert.Equal("２０２３年２月３０日", finding.Excerpt);
    }

    [Fact]
    public void TypoSplitByZeroWidthSpace_IsFlagged()
    {
        var finding = Assert.Single(CheckRunner.Body("合理布\u200b署各项任务。").Rule("textual.typo"));

        Assert.Equal(("布\u200b署", "部署"), (finding.Excerpt, finding.Suggestion));
    }
}
