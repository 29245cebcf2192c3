using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels;
using Publishing.Channels.Weibo;
using Publishing.Testing.Fakes;

namespace Publishing.Tests.Channels.Weibo;

public sealed class WeiboClientTests : IDisposable
{
    const string Status = "【临沂市2023年政务公开工作要点印发】聚焦稳住经济大盘、优化营商环境等重点领域加大公开力度 https://www.linyi.gov.cn/info/1234/56789.htm";

    readonly WeiboFake _fake = new();
    readonly ServiceProvider _services;
    readonly WeiboClient _client;

    public WeiboClientTests()
    {
        _services = ChannelServices.ForWeibo(_fake);
        _client = _services.GetRequiredService<WeiboClient>();
    }

    [Fact]
    public async Task Share_TextOnly_PostsTheFormAndReturnsTheId()
    {
        var posted = await _client.ShareAsync(Status, null, null);

        var (id, text) = Assert.Single(_fake.Posts);
        Assert.Equal(id, posted.Id);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), posted.IdStr);
        Assert.Equal(Status, text);
        var request = Assert.Single(_fake.Requests(WeiboFake.SharePath));
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(_fake.AccessToken, request.Form("access_token"));
        Assert.Equal("58.56.23.100", request.Form("rip"));
    }

    [Fact]
    public async Task Share_WithPicture_SendsMultipartWithPicPart()
    {
        byte[] picture = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9];

        await _client.ShareAsync(Status, picture, "封面.jpg");

        var request = Assert.Single(_fake.Requests(WeiboFake.SharePath));
        Assert.True(request.IsMultipart);
        Assert.Equal(Status, request.Form("status"));
        Assert.Equal(picture, request.Part("pic")!.Content);
        Assert.Equal("image/jpeg", request.Part("pic")!.ContentType);
    }

    [Fact]
    public async Task Share_HeldForManualReview_IsPendingNotFailed()
    {
        _fake.FailNext(WeiboFake.SharePath, 20053);

        var error = await Assert.ThrowsAsync<WeiboApiException>(() => _client.ShareAsync(Status, null, null));

        Assert.True(error.IsPendingReview);
        Assert.False(error.IsPermanent);
        Assert.Contains("人工审核", error.UserMessage);
        Assert.Equal(1, _fake.CallCount(WeiboFake.SharePath));
    }

    [Fact]
    public async Task Share_LinkOutsideTheBoundDomain_ConfigurationError()
    {
        _fake.SafeDomain = "www.linyi.gov.cn";

        var error = await Assert.ThrowsAsync<WeiboApiException>(
            () => _client.ShareAsync("【政务公开】工作要点 https://example.com/a.htm", null, null));

        Assert.Equal(10017, error.ErrorCode);
        Assert.True(error.IsConfigurationError);
        Assert.True(error.IsPermanent);
        Assert.StartsWith("应用未绑定安全域名", error.UserMessage);
        Assert.EndsWith("请检查微博开放平台配置", error.UserMessage);
    }

    [Theory]
    [InlineData(10023)]
    [InlineData(10024)]
    public async Task Share_RateLimited_RetryLaterAndNotRetriedAutomatically(int errorCode)
    {
        _fake.FailNext(WeiboFake.SharePath, errorCode);

        var error = await Assert.ThrowsAsync<WeiboApiException>(() => _client.ShareAsync(Status, null, null));

        Assert.True(error.IsRateLimited);
        Assert.False(error.IsPermanent);
        Assert.Contains("稍后重试", error.UserMessage);
        Assert.Equal(1, _fake.CallCount(WeiboFake.SharePath));
    }

    [Fact]
    public async Task Share_SameTextTwice_WeiboRefusesAndTheMessageWarnsOfDoublePosting()
    {
        await _client.ShareAsync(Status, null, null);

        var error = await Assert.ThrowsAsync<WeiboApiException>(() => _client.ShareAsync(Status, null, null));

        Assert.Equal(WeiboErrorCodes.RepeatedContent, error.ErrorCode);
        Assert.Contains("避免重复发布", error.UserMessage);
    }

    [Fact]
    public async Task Share_AnswerSlowerThanTheTimeout_OutcomeUnknownAndSentOnce()
    {
        using var impatient = ChannelServices.ForWeibo(_fake, ChannelServices.ShortAttemptTimeout);
        _fake.SetDelay(WeiboFake.SharePath, ChannelServices.ShortAttemptTimeout * 2);

        var error = await Assert.ThrowsAsync<WeiboOutcomeUnknownException>(
            () => impatient.GetRequiredService<WeiboClient>().ShareAsync(Status, null, null));

        Assert.Equal(1, _fake.CallCount(WeiboFake.SharePath));
        Assert.Contains("核实", error.UserMessage);
    }

    [Fact]
    public async Task Share_GatewayError_OutcomeUnknownAndSentOnce()
    {
        _fake.FailNextWithHttpStatus(WeiboFake.SharePath, 502);

        await Assert.ThrowsAsync<WeiboOutcomeUnknownException>(() => _client.ShareAsync(Status, null, null));

        Assert.Equal(1, _fake.CallCount(WeiboFake.SharePath));
    }

    [Fact]
    public async Task Share_ServerUnreachable_FailsAsNotSent()
    {
        _fake.Dispose();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _client.ShareAsync(Status, null, null));

        Assert.True(ChannelResilience.NeverSent(error));
    }

    [Fact]
    public async Task Destroy_RemovesThePost_AndRepeatingItIsHarmless()
    {
        var posted = await _client.ShareAsync(Status, null, null);

        await _client.DestroyAsync(posted.Id);
        await _client.DestroyAsync(posted.Id);

        Assert.Empty(_fake.Posts);
        Assert.Equal(posted.IdStr, _fake.Requests(WeiboFake.DestroyPath)[0].Form("id"));
    }

    [Fact]
    public async Task Destroy_GatewayErrorOnce_IsRetried()
    {
        var posted = await _client.ShareAsync(Status, null, null);
        _fake.FailNextWithHttpStatus(WeiboFake.DestroyPath, 503);

        await _client.DestroyAsync(posted.Id);

        Assert.Equal(2, _fake.CallCount(WeiboFake.DestroyPath));
        Assert.Empty(_fake.Posts);
    }

    public void Dispose()
    {
        _services.Dispose();
        _fake.Dispose();
    }
}
