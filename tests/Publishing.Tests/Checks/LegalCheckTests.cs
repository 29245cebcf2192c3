using Publishing.Checks;
using Publishing.Items;

namespace Publishing.Tests.Checks;

public class LegalCheckTests
{
    [Fact]
    public void ShortLawNameOnFirstMention_IsFlaggedWithFullName()
    {
        var finding = Assert.Single(CheckRunner.Body("根据《政府信息公开条例》规定，做好公开工作。").Rule("legal.law-full-name"));

        Assert.Equal(("《政府信息公开条例》", "《中华人民共和国政府信息公开条例》"), (finding.Excerpt, finding.Suggestion));
    }

    [Fact]
    public void ShortLawNameAfterFullName_IsNotFlagged()
    {
        var report = CheckRunner.Body("根据《中华人民共和国政府信息公开条例》（以下简称《条例》），落实《政府信息公开条例》要求。");

        Assert.Empty(report.Rule("legal.law-full-name"));
    }

    [Theory]
    [InlineData("依据《中华人民共和国合同法》第五十二条", "《中华人民共和国合同法》")]
    [InlineData("按照《物权法》有关规定", "《物权法》")]
    [InlineData("依照《中华人民共和国食品卫生法》", "《中华人民共和国食品卫生法》")]
    public void RepealedLaw_IsFlagged(string sentence, string excerpt)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("legal.repealed-law"));
        Assert.Equal(excerpt, finding.Excerpt);
    }

    [Fact]
    public void CurrentLaw_IsNotFlaggedAsRepealed()
    {
        Assert.Empty(CheckRunner.Body("依据《中华人民共和国民法典》第四百六十四条").Rule("legal.repealed-law"));
    }

    [Theory]
    [InlineData("临政办字[2023]45号", "[2023]45号", "〔2023〕45号")]
    [InlineData("国办发(2019)19号", "(2019)19号", "〔2019〕19号")]
    [InlineData("国办秘函【2019】19号", "【2019】19号", "〔2019〕19号")]
    [InlineData("国办公开办函［2021］30号", "［2021］30号", "〔2021〕30号")]
    public void DocumentNumberWithWrongBracketsInText_IsFlaggedWithCorrection(string number, string excerpt, string suggestion)
    {
        var finding = Assert.Single(CheckRunner.Body($"根据{number}文件要求。").Rule("legal.document-number-brackets"));

        Assert.Equal((excerpt, suggestion), (finding.Excerpt, finding.Suggestion));
    }

    [Fact]
    public void DocumentNumberWithHexagonBrackets_IsNotFlagged()
    {
        Assert.Empty(CheckRunner.Body("根据临政办字〔2023〕45号文件要求（2023年）。").Rule("legal.document-number"));
    }

    [Fact]
    public void PolicyWithoutDocumentNumber_IsFlagged()
    {
        var report = CheckRunner.Body("正文。", kind: ItemKinds.Policy, metadata: new ItemMetadata(DisclosureMode: DisclosureModes.Proactive));

        Assert.Single(report.Rule("legal.policy-without-document-number"));
    }

    [Fact]
    public void PolicyWithDocumentNumber_IsNotFlagged()
    {
        var report = CheckRunner.Body("正文。", kind: ItemKinds.Policy, metadata: new ItemMetadata(DocumentNumber: "临政办字〔2023〕45号", DisclosureMode: DisclosureModes.Proactive));

        Assert.Empty(report.Rule("legal."));
    }

    [Fact]
    public void MetadataDocumentNumberWithWrongBrackets_SuggestsCorrection()
    {
        var report = CheckRunner.Body("正文。", kind: ItemKinds.Policy, metadata: new ItemMetadata(DocumentNumber: "临政办字[2023]45号"));

        Assert.Equal("临政办字〔2023〕45号", Assert.Single(report.Rule("legal.document-number-format")).Suggestion);
    }

    [Fact]
    public void InterpretationWithoutItsPolicy_IsFlagged_AndWithItIsNot()
    {
        Assert.Single(CheckRunner.Body("解读正文。", kind: ItemKinds.Interpretation).Rule("legal.interpretation-without-policy"));
        Assert.Empty(CheckRunner.Body("解读正文。", kind: ItemKinds.Interpretation, interpretsItemId: "item-1").Rule("legal.interpretation-without-policy"));
    }
}
