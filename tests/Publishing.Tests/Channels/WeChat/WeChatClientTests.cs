using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels.WeChat;
using Publishing.Testing.Fakes;

namespace Publishing.Tests.Channels.WeChat;

public sealed class WeChatClientTests : IDisposable
{
    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    const string Body =
        "<p>　　为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提升政务公开质量和实效，现将《临沂市2023年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。</p>"
        + "<p><img src=\"http://mmbiz.qpic.cn/sz_mmbiz_jpg/abc/0\" /></p><p>　　联系人：王𪚥（“政务公开”专栏）\t电话：0539-8721234</p>";

    readonly WeChatFake _fake = new();
    readonly ServiceProvider _services;
    readonly WeChatClient _client;

    public WeChatClientTests()
    {
        _services = ChannelServices.ForWeChat(_fake);
        _client = _services.GetRequiredService<WeChatClient>();
    }

    [Fact]
    public async Task UploadBodyImage_Png_ReturnsWeChatImageUrl_SentAsMediaPart()
    {
        string url = await _client.UploadBodyImageAsync(Png, "政务公开图解.png", "image/png");

        Assert.StartsWith("http://mmbiz.qpic.cn/", url);
        var request = Assert.Single(_fake.Requests(WeChatFake.UploadImagePath));
        Assert.Equal(_fake.CurrentToken, request.Query["access_token"]);
        var media = request.Part("media");
        Assert.NotNull(media);
        Assert.Equal("image.png", media.FileName);
        Assert.Equal(Png, media.Content);
        Assert.DoesNotContain("boundary=\"", request.ContentType);
    }

    [Fact]
    public async Task UploadBodyImage_Gif_FailsWith40005AndTellsWhichFormatsWork()
    {
        var error = await Assert.ThrowsAsync<WeChatApiException>(() => _client.UploadBodyImageAsync([0x47, 0x49, 0x46], "anim.gif", "image/gif"));

        Assert.Equal(WeChatErrorCodes.InvalidImageType, error.ErrorCode);
        Assert.True(error.IsPermanent);
        Assert.Contains("JPG 或 PNG", error.UserMessage);
    }

    [Fact]
    public async Task AddThumb_ReturnsMediaIdTheDraftCanUse()
    {
        string thumb = await _client.AddThumbAsync(Jpeg, "cover.jpg");

        Assert.False(string.IsNullOrEmpty(thumb));
        Assert.Equal("thumb", Assert.Single(_fake.Requests(WeChatFake.AddMaterialPath)).Query["type"]);
        Assert.False(string.IsNullOrEmpty(await _client.AddDraftAsync(Article(thumb))));
    }

    [Fact]
    public async Task AddDraft_SendsEveryFieldWithChineseUnescaped()
    {
        string thumb = await _client.AddThumbAsync(Jpeg, "cover.jpg");

        await _client.AddDraftAsync(Article(thumb) with { Digest = "" });

        var request = Assert.Single(_fake.Requests(WeChatFake.DraftAddPath));
        Assert.Contains("临沂市2023年政务公开工作要点", request.BodyText);
        Assert.DoesNotContain("\\u", request.BodyText); // not even for U+3000 or 𪚥 outside the BMP
        Assert.Contains("<p>　　为深入", request.BodyText);
        Assert.Contains("王𪚥", request.BodyText);
        var article = Assert.Single(request.Json.GetProperty("articles").EnumerateArray());
        Assert.Equal("news", article.GetProperty("article_type").GetString());
        Assert.Equal("关于印发临沂市2023年政务公开工作要点的通知", article.GetProperty("title").GetString());
        Assert.Equal("临沂市政府办公室", article.GetProperty("author").GetString());
        Assert.Equal(Body, article.GetProperty("content").GetString());
        Assert.Equal("https://www.linyi.gov.cn/info/1234/56789.htm", article.GetProperty("content_source_url").GetString());
        Assert.Equal(thumb, article.GetProperty("thumb_media_id").GetString());
        Assert.Equal(0, article.GetProperty("need_open_comment").GetInt32());
        Assert.Equal(0, article.GetProperty("only_fans_can_comment").GetInt32());
        string digest = article.GetProperty("digest").GetString()!;
        Assert.Equal(54, WeChatLimits.Length(digest));
        Assert.StartsWith("为深入贯彻落实党中央、国务院", digest);
    }

    [Fact]
    public async Task AddDraft_TitleOver32Characters_RefusedBeforeAnyRequest()
    {
        var article = Article("THUMB") with { Title = "临沂市人民政府办公室关于印发临沂市2023年政务公开工作要点的通知" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.AddDraftAsync(article));

        Assert.Contains("标题共 33 个字", error.Message);
        Assert.Equal(0, _fake.CallCount(WeChatFake.DraftAddPath));
    }

    [Fact]
    public async Task PublishFlow_SubmitThenPoll_ReportsTheArticleUrl()
    {
        string draft = await _client.AddDraftAsync(Article(await _client.AddThumbAsync(Jpeg, "cover.jpg")));

        var submitted = await _client.SubmitPublishAsync(draft);
        var status = await _client.GetPublishStatusAsync(submitted.PublishId);

        Assert.Equal(draft, _fake.Requests(WeChatFake.SubmitPath)[0].Json.GetProperty("media_id").GetString());
        Assert.NotNull(submitted.MsgDataId);
        Assert.Equal(submitted.PublishId, status.PublishId);
        Assert.Equal(0, status.PublishStatus);
        Assert.StartsWith("https://mp.weixin.qq.com/s/", status.ArticleUrl);
        Assert.NotNull(status.ArticleId);
        Assert.Empty(status.FailedIndexes);

        await _client.DeleteArticleAsync(status.ArticleId, 0);
        var delete = Assert.Single(_fake.Requests(WeChatFake.DeletePath)).Json;
        Assert.Equal(status.ArticleId, delete.GetProperty("article_id").GetString());
        Assert.Equal(0, delete.GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task PublishStatus_StillPublishing_HasNoArticleYet()
    {
        string draft = await _client.AddDraftAsync(Article(await _client.AddThumbAsync(Jpeg, "cover.jpg")));
        var submitted = await _client.SubmitPublishAsync(draft);
        _fake.SetPublishStatus(1);

        var status = await _client.GetPublishStatusAsync(submitted.PublishId);

        Assert.Equal(1, status.PublishStatus);
        Assert.Null(status.ArticleId);
        Assert.Null(status.ArticleUrl);
    }

    [Theory]
    [InlineData(42001)] // expired
    [InlineData(40001)] // invalidated, e.g. by a refresh elsewhere
    public async Task TokenRejectedMidFlow_RefreshesOnceAndRetriesTheCall(int errorCode)
    {
        string thumb = await _client.AddThumbAsync(Jpeg, "cover.jpg");
        string oldToken = _fake.CurrentToken;
        _fake.ExpireTokenOnce(errorCode);

        string draft = await _client.AddDraftAsync(Article(thumb));

        Assert.False(string.IsNullOrEmpty(draft));
        Assert.Equal(2, _fake.CallCount(WeChatFake.TokenPath));
        Assert.True(_fake.Requests(WeChatFake.TokenPath)[1].Json.GetProperty("force_refresh").GetBoolean());
        var drafts = _fake.Requests(WeChatFake.DraftAddPath);
        Assert.Equal(2, drafts.Count);
        Assert.Equal(oldToken, drafts[0].Query["access_token"]);
        Assert.Equal(_fake.CurrentToken, drafts[1].Query["access_token"]);
    }

    [Fact]
    public async Task TokenRejectedMidFlow_TenConcurrentCalls_OneRefresh()
    {
        await _client.AddThumbAsync(Jpeg, "warm-up.jpg");
        _fake.ExpireTokenOnce(40001);
        // Keeps all ten in flight with the old token before the first rejection comes back.
        _fake.SetDelay(WeChatFake.UploadImagePath, TimeSpan.FromMilliseconds(200));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => _client.UploadBodyImageAsync(Png, $"p{i}.png", "image/png"))));

        Assert.Equal(2, _fake.CallCount(WeChatFake.TokenPath));
        Assert.Equal(20, _fake.CallCount(WeChatFake.UploadImagePath));
    }

    [Fact]
    public async Task TokenRejectedAgainAfterRefresh_GivesUpAfterOneRetry()
    {
        string thumb = await _client.AddThumbAsync(Jpeg, "cover.jpg");
        _fake.FailNext(WeChatFake.DraftAddPath, 40001, times: 2);

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => _client.AddDraftAsync(Article(thumb)));

        Assert.True(error.IsTokenRejected);
        Assert.Equal(2, _fake.CallCount(WeChatFake.DraftAddPath));
        Assert.Equal(2, _fake.CallCount(WeChatFake.TokenPath));
    }

    [Fact]
    public async Task Submit_DailyQuotaReached_IsQuotaExhaustedWithChineseMessage()
    {
        _fake.FailNext(WeChatFake.SubmitPath, 45009);

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => _client.SubmitPublishAsync("DRAFT_MEDIA_ID"));

        Assert.True(error.IsQuotaExhausted);
        Assert.False(error.IsPermanent);
        Assert.Equal("今日接口调用次数已用完，请明日重试", error.UserMessage);
        Assert.Equal(1, _fake.CallCount(WeChatFake.SubmitPath));
    }

    [Theory]
    [InlineData(48001, "2025年7月")] // API not authorized: individual / unverified account
    [InlineData(53503, "发布检查")] // draft failed the publish check
    [InlineData(45002, "正文")]
    [InlineData(47001, "数据格式")]
    public async Task Submit_PermanentErrors_AreNotRetriedAndExplainedInChinese(int errorCode, string hint)
    {
        _fake.FailNext(WeChatFake.SubmitPath, errorCode);

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => _client.SubmitPublishAsync("DRAFT_MEDIA_ID"));

        Assert.Equal(errorCode, error.ErrorCode);
        Assert.True(error.IsPermanent);
        Assert.False(error.IsQuotaExhausted);
        Assert.Contains(hint, error.UserMessage);
        Assert.Equal(1, _fake.CallCount(WeChatFake.SubmitPath));
    }

    [Fact]
    public void NotAuthorized_MessageTellsThePersonWhatToDo()
    {
        Assert.Equal(
            "公众号未获得该接口权限（个人或未认证账号自2025年7月起无法使用发布接口），请在公众平台完成认证或联系管理员",
            new WeChatApiException(48001, "api unauthorized").UserMessage);
    }

    static WeChatDraftArticle Article(string thumbMediaId) => new(
        "关于印发临沂市2023年政务公开工作要点的通知",
        null,
        "现将《临沂市2023年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。",
        Body,
        "https://www.linyi.gov.cn/info/1234/56789.htm",
        thumbMediaId);

    public void Dispose()
    {
        _services.Dispose();
        _fake.Dispose();
    }
}
