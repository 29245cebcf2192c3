using Publishing.Checks;

namespace Publishing.Tests.Checks;

public class TextualCheckTests
{
    [Theory]
    [InlineData("政务公\uFFFD\uFFFD工作要点", "textual.garbled")]
    [InlineData("政务公开锟斤拷工作要点", "textual.garbled")]
    [InlineData("烫烫烫烫烫烫", "textual.garbled")]
    [InlineData("政務公開(kāi)工作要點(diǎn)", "textual.garbled.pinyin")]
    [InlineData("加强信息??公开", "textual.garbled.question-marks")]
    [InlineData("?。ù思_開發布", "textual.garbled.question-marks")]
    public void GarbledText_IsBlocked(string sentence, string ruleId)
    {
        var report = CheckRunner.Body(sentence);

        Assert.Contains(report.Findings, f => f.RuleId == ruleId && f.Severity == Severities.Block);
    }

    [Theory]
    [InlineData("这项工作做得怎么样?")]
    [InlineData("详见https://www.gov.cn/?id=1")]
    [InlineData("汉语拼音 gōngkāi 写作公开。")]
    public void NotGarbled_IsNotBlocked(string sentence)
    {
        Assert.DoesNotContain(CheckRunner.Body(sentence).Findings, f => f.Severity == Severities.Block);
    }

    [Theory]
    [InlineData("要再接再励，做好工作。", "再接再励", "再接再厉")]
    [InlineData("合理布署各项任务。", "布署", "部署")]
    public void Typo_IsFlaggedWithCorrection(string sentence, string excerpt, string suggestion)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("textual.typo"));
        Assert.Equal((excerpt, suggestion), (finding.Excerpt, finding.Suggestion));
    }

    [Theory]
    [InlineData("做好政务公开的的各项工作。", "的的")]
    [InlineData("按规定了了解情况。", "了了")]
    public void DoubledFunctionWord_IsFlagged(string sentence, string excerpt)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("textual.doubled-word"));
        Assert.Equal(excerpt, finding.Excerpt);
    }

    [Theory]
    [InlineData("我们常常说，人人参与、天天坚持。")]
    [InlineData("这件事不了了之，的的确确令人遗憾。")]
    [InlineData("实现公开目的的关键是是否及时。")]
    [InlineData("看看、想想、试试。")]
    public void LegitimateDoubles_AreNotFlagged(string sentence)
    {
        Assert.Empty(CheckRunner.Body(sentence).Rule("textual.doubled-word"));
    }

    [Theory]
    [InlineData("现将《工作要点印发给你们。", "《")]
    [InlineData("围绕“放管服改革，推进工作。", "“")]
    [InlineData("请结合实际）认真落实。", "）")]
    [InlineData("详见【附件1。", "【")]
    public void UnbalancedPairedPunctuation_IsFlagged(string sentence, string excerpt)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("textual.unbalanced-punctuation"));
        Assert.Equal(excerpt, finding.Excerpt);
    }

    [Fact]
    public void BalancedPunctuation_IsNotFlagged()
    {
        Assert.Empty(CheckRunner.Body("现将《2023年工作要点》（以下简称“要点”）印发给你们，【附件】见后。").Rule("textual.unbalanced-punctuation"));
    }

    [Theory]
    [InlineData("总体要求是:以人民为中心", ":", "：")]
    [InlineData("公开广度,深度同步提升", ",", "，")]
    [InlineData("(一)推进规划公开", "(", "（")]
    public void HalfWidthPunctuationInChinese_IsFlagged(string sentence, string excerpt, string suggestion)
    {
        var finding = CheckRunner.Body(sentence).Rule("textual.half-width-punctuation").First();
        Assert.Equal((excerpt, suggestion), (finding.Excerpt, finding.Suggestion));
    }

    [Fact]
    public void HalfWidthPunctuationBetweenDigitsOrLatin_IsNotFlagged()
    {
        Assert.Empty(CheckRunner.Body("共计1,234条，时间10:30，见(2023)号和 Section (a)。").Rule("textual.half-width-punctuation"));
    }

    [Theory]
    [InlineData("于2023年2月30日发布。", "2023年2月30日")]
    [InlineData("于2023年13月1日发布。", "2023年13月1日")]
    [InlineData("截至2022年4月31日。", "2022年4月31日")]
    public void ImpossibleDate_IsFlagged(string sentence, string excerpt)
    {
        Assert.Equal(excerpt, Assert.Single(CheckRunner.Body(sentence).Rule("textual.impossible-date")).Excerpt);
    }

    [Theory]
    [InlineData("于2024年2月29日发布。")]
    [InlineData("2023年6月20日")]
    [InlineData("2023年12月")]
    public void RealDate_IsNotFlagged(string sentence)
    {
        Assert.Empty(CheckRunner.Body(sentence).Rule("textual.impossible-date"));
    }

    [Fact]
    public void TraditionalCharactersInSimplifiedText_AreFlaggedWithSimplifiedSuggestion()
    {
        var finding = Assert.Single(CheckRunner.Body("做好政務公開工作。").Rule("textual.traditional-character"));

        Assert.Equal(("務公開", "务公开"), (finding.Excerpt, finding.Suggestion));
    }

    [Fact]
    public void CharactersThatAreAlsoSimplified_AreNotFlagged()
    {
        // 於 乾 徵 map to themselves among their values in OpenCC: valid in simplified text (於姓, 乾坤, 宫商角徵羽).
        Assert.Empty(CheckRunner.Body("於先生谈乾坤与宫商角徵羽。").Rule("textual.traditional-character"));
    }

    [Fact]
    public void ImageWithoutAlt_IsFlaggedAndPointsAtTheImageTag()
    {
        var report = CheckRunner.Html("<p>流程如下<img src=\"https://a.example/1.png\"></p><p><img src=\"https://a.example/2.png\" alt=\"流程图\"></p>");

        var finding = Assert.Single(report.Rule("textual.image-alt"));
        Assert.Equal("<img src=\"https://a.example/1.png\">", report.SanitizedHtml.Substring(finding.HtmlStart!.Value, finding.HtmlLength!.Value));
    }
}
