using Publishing.Content;

namespace Publishing.Tests.Content;

public class VisibleTextExtractorTests
{
    [Fact]
    public void Extract_BlocksBecomeLinesAndEntitiesAreDecoded()
    {
        var text = VisibleTextExtractor.Extract("<h2>一、总体要求</h2><p>甲&amp;乙 &lt;丙&gt;</p><ul><li>第一</li><li>第二<br>续</li></ul>");

        Assert.Equal("一、总体要求\n甲&乙 <丙>\n第一\n第二\n续", text.Text);
    }

    [Fact]
    public void Extract_TableCellsAreSeparated_SoNumbersInAdjacentCellsDoNotJoin()
    {
        var text = VisibleTextExtractor.Extract("<table><tbody><tr><td>1380013</td><td>8000</td></tr></tbody></table>");

        Assert.Equal("1380013\t8000", text.Text);
    }

    [Fact]
    public void TryMapToHtml_RangeInsideFormattedText_CoversTheSourceMarkup()
    {
        const string html = "<p>请联系<strong>张三</strong>&amp;李四。</p>";
        var text = VisibleTextExtractor.Extract(html);
        int start = text.Text.IndexOf("张三&李四", StringComparison.Ordinal);

        Assert.True(text.TryMapToHtml(start, 5, out int htmlStart, out int htmlLength));
        Assert.Equal("张三</strong>&amp;李四", html.Substring(htmlStart, htmlLength));
    }

    [Fact]
    public void ForItem_TitleComesFirstAndHasNoHtmlRange()
    {
        var item = VisibleText.ForItem("标题", VisibleTextExtractor.Extract("<p>正文</p>"));

        Assert.Equal("标题\n正文", item.Text);
        Assert.False(item.TryMapToHtml(0, 2, out _, out _));
        Assert.True(item.TryMapToHtml(3, 2, out int htmlStart, out int htmlLength));
        Assert.Equal((3, 2), (htmlStart, htmlLength));
    }

    [Fact]
    public void Extract_ImagesAreListedWithTheirAlt()
    {
        var text = VisibleTextExtractor.Extract("<p>图一<img src=\"https://a.example/1.png\" alt=\"流程图\">图二<img src=\"https://a.example/2.png\"></p>");

        Assert.Equal(["流程图", null], text.Images.Select(i => i.Alt));
        Assert.Equal(2, text.Images[0].TextPosition);
    }
}
