using Publishing.Channels.Weibo;

namespace Publishing.Tests.Channels.Weibo;

public sealed class WeiboStatusComposerTests
{
    const string Url = "https://www.linyi.gov.cn/info/1234/56789.htm"; // 44 ASCII characters = 22 汉字
    const string Title = "临沂市人民政府办公室关于印发临沂市2023年政务公开工作要点的通知"; // 29 汉字 + 4 digits = 31 汉字

    // 130 汉字, no punctuation, so the cut point is predictable.
    const string LongSummary =
        "为深入贯彻落实党中央国务院关于全面推进政务公开工作的决策部署进一步提升政务公开质量和实效现将我市二〇二三年政务公开工作要点印发给你们请结合实际认真贯彻落实各县区人民政府市政府各部门要高度重视政务公开工作明确分管负责同志和工作机构加强统筹协调确保各项任务落到实处";

    [Theory]
    [InlineData("abcd", 2)]
    [InlineData("abc", 2)] // an odd half rounds up
    [InlineData("政务公开", 4)]
    [InlineData("2023年", 3)]
    [InlineData("【】", 2)]
    [InlineData("ｱｲ", 1)] // half-width katakana count half
    public void Length_TwoHalfWidthCharactersMakeOneHanzi(string text, int expected) =>
        Assert.Equal(expected, WeiboStatusComposer.Length(text));

    [Fact]
    public void Compose_ShortEnough_KeepsEverything() =>
        Assert.Equal(
            "【临沂市2023年政务公开工作要点印发】聚焦优化营商环境等重点领域 " + Url,
            WeiboStatusComposer.Compose("临沂市2023年政务公开工作要点印发", "聚焦优化营商环境等重点领域", Url));

    [Fact]
    public void Compose_CountsAsciiAsHalf_SoANearlyFullPostIsNotCut()
    {
        // 2 + 31 + 84 + ⌈(1 + 44) / 2⌉ = 140: fits only because the link and digits count half.
        string summary = LongSummary[..84];

        string status = WeiboStatusComposer.Compose(Title, summary, Url);

        Assert.Equal($"【{Title}】{summary} {Url}", status);
        Assert.Equal(140, WeiboStatusComposer.Length(status));
    }

    [Fact]
    public void Compose_LongSummary_CutWithEllipsisAndLinkKeptWhole()
    {
        string status = WeiboStatusComposer.Compose(Title, LongSummary, Url);

        Assert.Equal($"【{Title}】{LongSummary[..83]}… {Url}", status);
        Assert.True(WeiboStatusComposer.Length(status) <= 140);
    }

    [Fact]
    public void Compose_CutLandingAfterPunctuation_DropsIt()
    {
        string summary = new string('政', 82) + "，" + LongSummary;

        string status = WeiboStatusComposer.Compose(Title, summary, Url);

        Assert.Contains(new string('政', 82) + "… ", status);
    }

    [Fact]
    public void Compose_TitleLeavesNoRoomForSummary_DropsSummaryAndCutsTitle()
    {
        string longTitle = string.Concat(Enumerable.Repeat("关于进一步做好政府信息公开工作年度报告编制发布工作的通知", 5));

        string status = WeiboStatusComposer.Compose(longTitle, "这段摘要放不下", Url);

        Assert.StartsWith("【关于进一步做好政府信息公开工作年度报告编制发布工作的通知关于", status);
        Assert.EndsWith("…】 " + Url, status);
        Assert.DoesNotContain("摘要", status);
        Assert.InRange(WeiboStatusComposer.Length(status), 139, 140);
    }

    [Fact]
    public void Compose_NoSummary_TitleAndLink() =>
        Assert.Equal("【2022年度临沂市政府信息公开工作年度报告】 " + Url, WeiboStatusComposer.Compose("2022年度临沂市政府信息公开工作年度报告", null, Url));

    [Fact]
    public void Compose_LinkTooLongForAnyTitle_Refused() =>
        Assert.Throws<ArgumentException>(() => WeiboStatusComposer.Compose(Title, null, "https://www.linyi.gov.cn/" + new string('a', 260)));
}
