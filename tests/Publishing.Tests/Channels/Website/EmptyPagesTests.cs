using Publishing.Channels.Website;

namespace Publishing.Tests.Channels.Website;

public class EmptyPagesTests
{
    [Theory]
    [InlineData("", 4, "4")]
    [InlineData("4", 5, "4-5")]
    [InlineData("4-5", 3, "3-5")]
    [InlineData("3-5", 7, "3-5,7")]
    [InlineData("3-5,7", 6, "3-7")]
    [InlineData("3-7", 5, "3-7")]
    public void Add_KeepsSortedMergedRanges(string ranges, long page, string expected)
    {
        Assert.Equal(expected, EmptyPages.Add(ranges, page));
    }

    [Fact]
    public void NewestNotEmpty_SkipsEmptyRanges_AndStopsAtTheCountOrPageOne()
    {
        Assert.Equal([10, 9, 5, 1], EmptyPages.NewestNotEmpty("2-4,6-8", 10, 5));
        Assert.Equal([10, 9], EmptyPages.NewestNotEmpty("2-4,6-8", 10, 2));
        Assert.Equal([1], EmptyPages.NewestNotEmpty("2-10000", 10000, 21));
        Assert.Empty(EmptyPages.NewestNotEmpty("1-3", 3, 5));
    }
}
