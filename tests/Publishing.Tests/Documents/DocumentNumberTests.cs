using Publishing.Documents;

namespace Publishing.Tests.Documents;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("临政办字〔2023〕45号", "临政办字", 2023, 45)]
    [InlineData("国办发〔2019〕19号", "国办发", 2019, 19)]
    [InlineData("国办秘函〔2019〕19号", "国办秘函", 2019, 19)]
    [InlineData("国办公开办函〔2021〕30号", "国办公开办函", 2021, 30)]
    [InlineData(" 阜政办〔2017〕32号 ", "阜政办", 2017, 32)]
    public void TryParse_CorrectForm_GivesParts(string text, string agency, int year, int serial)
    {
        Assert.True(DocumentNumber.TryParse(text, out var number));
        Assert.Equal(new DocumentNumber(agency, year, serial), number);
    }

    [Theory]
    [InlineData("临政办字[2023]45号")]
    [InlineData("临政办字(2023)45号")]
    [InlineData("临政办字【2023】45号")]
    [InlineData("临政办字［2023］45号")]
    [InlineData("临政办字〔23〕45号")]
    [InlineData("〔2023〕45号")]
    [InlineData("临政办字〔2023〕45")]
    [InlineData("1123045263/swj/2023-0000044")]
    [InlineData("")]
    public void TryParse_WrongForm_Fails(string text)
    {
        Assert.False(DocumentNumber.TryParse(text, out _));
    }

    [Theory]
    [InlineData("临政办字[2023]45号", "临政办字〔2023〕45号")]
    [InlineData("国办发(2019)19号", "国办发〔2019〕19号")]
    [InlineData("国办发（2019）19号", "国办发〔2019〕19号")]
    [InlineData("国办秘函【2019】19号", "国办秘函〔2019〕19号")]
    [InlineData("国办公开办函［2021］30号", "国办公开办函〔2021〕30号")]
    public void SuggestCorrection_WrongBrackets_GivesCorrectForm(string text, string expected)
    {
        Assert.Equal(expected, DocumentNumber.SuggestCorrection(text));
    }

    [Theory]
    [InlineData("临政办字〔2023〕45号")]
    [InlineData("第45号")]
    [InlineData("关于印发工作要点的通知")]
    public void SuggestCorrection_CorrectOrNotADocumentNumber_IsNull(string text)
    {
        Assert.Null(DocumentNumber.SuggestCorrection(text));
    }
}
