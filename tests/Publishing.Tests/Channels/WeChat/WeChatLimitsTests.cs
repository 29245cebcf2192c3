using Publishing.Channels.WeChat;

namespace Publishing.Tests.Channels.WeChat;

public sealed class WeChatLimitsTests
{
    static readonly WeChatDraftArticle Valid = new(
        "关于印发临沂市2023年政务公开工作要点的通知", "临沂市政府办公室", "现将工作要点印发给你们。", "<p>正文</p>", "https://www.linyi.gov.cn/a.htm", "THUMB");

    [Fact]
    public void Validate_ArticleWithinLimits_NoProblems() => Assert.Empty(WeChatLimits.Validate(Valid));

    [Fact]
    public void Validate_AtEachLimit_NoProblems() =>
        Assert.Empty(WeChatLimits.Validate(Valid with
        {
            Title = new string('政', 32),
            Author = new string('办', 16),
            Digest = new string('要', 128),
            Content = new string('文', 19_999),
        }));

    [Theory]
    [InlineData("title", "标题共 33 个字，超过微信上限 32 个字")]
    [InlineData("author", "作者共 17 个字，超过微信上限 16 个字")]
    [InlineData("digest", "摘要共 129 个字，超过微信上限 128 个字")]
    [InlineData("content", "微信要求少于 20000 个字符")]
    public void Validate_OneOverTheLimit_ExplainsInChinese(string field, string expected)
    {
        var article = field switch
        {
            "title" => Valid with { Title = new string('政', 33) },
            "author" => Valid with { Author = new string('办', 17) },
            "digest" => Valid with { Digest = new string('要', 129) },
            _ => Valid with { Content = new string('文', 20_000) },
        };

        var problem = Assert.Single(WeChatLimits.Validate(article));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Length_CharacterOutsideTheBasicPlane_CountsOnce()
    {
        string title = string.Concat(Enumerable.Repeat("𠀀", 32)); // CJK Extension B: two UTF-16 units each

        Assert.Equal(64, title.Length);
        Assert.Empty(WeChatLimits.Validate(Valid with { Title = title }));
    }

    [Fact]
    public void DefaultDigest_FirstFiftyFourCharactersOfTheVisibleText()
    {
        const string html = "<p style=\"text-indent:2em\">　　各县区人民政府，市政府各部门：</p><p>　　为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提升政务公开质量和实效，现将有关事项通知如下。</p>";

        string digest = WeChatLimits.DefaultDigest(html);

        Assert.Equal(54, WeChatLimits.Length(digest));
        Assert.StartsWith("各县区人民政府，市政府各部门： 为深入贯彻落实", digest);
        Assert.DoesNotContain("<", digest);
        Assert.DoesNotContain("　", digest);
    }

    [Fact]
    public void DefaultDigest_ShortBody_WholeText() =>
        Assert.Equal("本单位2023年无新增主动公开事项。", WeChatLimits.DefaultDigest("<p>本单位2023年无新增主动公开事项。</p>"));
}
