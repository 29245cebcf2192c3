using Publishing.Notes;

namespace Publishing.Tests.Notes;

public class PassageLocatorTests
{
    const string Html = "<h2>一、总体要求</h2><p>坚持以公开为常态、<strong>不公开为例外</strong>。</p><p>推进决策公开。</p>";

    [Theory]
    // A browser selection across two paragraphs carries a line break the extracted text may not: whitespace is ignored.
    [InlineData("为例外。\n\n推进决策")]
    [InlineData("不公开为例外")]
    [InlineData("  坚持以公开为常态、 ")]
    [InlineData("关于做好政务公开工作的通知")]
    public void Contains_FindsQuotesOfTheTitleAndBody(string quote) =>
        Assert.True(PassageLocator.Contains("关于做好政务公开工作的通知", Html, quote));

    [Theory]
    [InlineData("推进执行公开")]
    [InlineData("strong")]
    [InlineData("   ")]
    public void Contains_RefusesTextThatIsNotThere_OrOnlyInTheMarkup(string quote) =>
        Assert.False(PassageLocator.Contains("通知", Html, quote));
}
