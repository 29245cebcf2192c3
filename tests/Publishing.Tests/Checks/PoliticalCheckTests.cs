using Publishing.Checks;

namespace Publishing.Tests.Checks;

public class PoliticalCheckTests
{
    [Theory]
    [InlineData("与台湾政府开展交流。", "台湾政府", "台湾当局", "warn")]
    [InlineData("会见台湾总统候选人。", "台湾总统", "台湾地区领导人", "warn")]
    [InlineData("中华民国时期的档案。", "中华民国", "台湾地区", "block")]
    [InlineData("推动大陆和台湾两国交流。", "大陆和台湾两国", "海峡两岸", "block")]
    [InlineData("配合香港政府做好通关。", "香港政府", "香港特区政府", "warn")]
    public void AvoidWording_IsFlaggedWithPreferredWording(string sentence, string excerpt, string suggestion, string severity)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Findings, f => f.Aspect == Aspects.Political);

        Assert.Equal((excerpt, suggestion, severity), (finding.Excerpt, finding.Suggestion, finding.Severity));
    }

    [Theory]
    [InlineData("与台湾当局开展交流，推动海峡两岸融合发展。")]
    [InlineData("中美两国经贸合作，香港特区政府积极配合。")]
    public void PreferredWording_IsNotFlagged(string sentence)
    {
        Assert.DoesNotContain(CheckRunner.Body(sentence).Findings, f => f.Aspect == Aspects.Political);
    }

    [Fact]
    public void GuidingTheoryShortFormOnFirstMention_IsFlagged()
    {
        var finding = Assert.Single(CheckRunner.Body("以新时代中国特色社会主义思想为指导。").Rule("political.full-name-first-mention"));

        Assert.Equal("习近平新时代中国特色社会主义思想", finding.Suggestion);
    }

    [Fact]
    public void GuidingTheoryFullNameFirst_ThenShortForm_IsNotFlagged()
    {
        var report = CheckRunner.Body("以习近平新时代中国特色社会主义思想为指导，深入学习新时代中国特色社会主义思想。");

        Assert.Empty(report.Rule("political.full-name-first-mention"));
    }
}
