using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels.WeChat;
using Publishing.Testing.Fakes;

namespace Publishing.Tests.Channels.WeChat;

public sealed class WeChatTokenCacheTests : IDisposable
{
    readonly WeChatFake _fake = new();

    [Fact]
    public async Task GetToken_CalledRepeatedly_FetchesFromWeChatOnce()
    {
        using var services = ChannelServices.ForWeChat(_fake);
        var cache = services.GetRequiredService<WeChatTokenCache>();

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(_fake.CurrentToken, await cache.GetTokenAsync());
        }

        Assert.Equal(1, _fake.CallCount(WeChatFake.TokenPath));
        var body = _fake.Requests(WeChatFake.TokenPath)[0].Json;
        Assert.Equal("client_credential", body.GetProperty("grant_type").GetString());
        Assert.Equal(_fake.AppId, body.GetProperty("appid").GetString());
        Assert.Equal(_fake.AppSecret, body.GetProperty("secret").GetString());
        Assert.False(body.GetProperty("force_refresh").GetBoolean());
    }

    [Fact]
    public async Task GetToken_TwentyConcurrentCallersOnAColdCache_ShareOneFetch()
    {
        _fake.SetDelay(WeChatFake.TokenPath, TimeSpan.FromMilliseconds(300));
        using var services = ChannelServices.ForWeChat(_fake);
        var cache = services.GetRequiredService<WeChatTokenCache>();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetTokenAsync().AsTask())));

        Assert.Equal(1, _fake.CallCount(WeChatFake.TokenPath));
        Assert.All(tokens, token => Assert.Equal(_fake.CurrentToken, token));
    }

    [Fact]
    public async Task GetToken_FiveMinutesBeforeExpiry_RenewsWithoutForcing()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 6, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        using var services = ChannelServices.ForWeChat(_fake, clock);
        var cache = services.GetRequiredService<WeChatTokenCache>();
        await cache.GetTokenAsync();

        clock.Advance(TimeSpan.FromMinutes(114));
        await cache.GetTokenAsync();
        Assert.Equal(1, _fake.CallCount(WeChatFake.TokenPath));

        clock.Advance(TimeSpan.FromMinutes(2)); // 116 min: within 5 minutes of the 120-minute expiry
        await cache.GetTokenAsync();
        Assert.Equal(2, _fake.CallCount(WeChatFake.TokenPath));
        Assert.False(_fake.Requests(WeChatFake.TokenPath)[1].Json.GetProperty("force_refresh").GetBoolean());
    }

    [Fact]
    public async Task ForceRefresh_TenConcurrentRejectionsOfTheSameToken_RefreshOnce()
    {
        using var services = ChannelServices.ForWeChat(_fake);
        var cache = services.GetRequiredService<WeChatTokenCache>();
        string stale = await cache.GetTokenAsync();

        var refreshed = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => cache.ForceRefreshAsync(stale))));

        Assert.Equal(2, _fake.CallCount(WeChatFake.TokenPath));
        Assert.True(_fake.Requests(WeChatFake.TokenPath)[1].Json.GetProperty("force_refresh").GetBoolean());
        Assert.All(refreshed, token => Assert.Equal(_fake.CurrentToken, token));
        Assert.NotEqual(stale, _fake.CurrentToken);
        Assert.Equal(_fake.CurrentToken, await cache.GetTokenAsync());
    }

    [Fact]
    public async Task ForceRefresh_OfATokenAlreadyReplaced_ReturnsTheCurrentOneWithoutACall()
    {
        using var services = ChannelServices.ForWeChat(_fake);
        var cache = services.GetRequiredService<WeChatTokenCache>();
        string current = await cache.GetTokenAsync();

        Assert.Equal(current, await cache.ForceRefreshAsync("87_an-older-token"));
        Assert.Equal(1, _fake.CallCount(WeChatFake.TokenPath));
    }

    [Fact]
    public async Task GetToken_WrongAppSecret_ThrowsWithActionableChineseMessage()
    {
        using var services = ChannelServices.ForWeChat(_fake, appSecret: "not-the-secret");
        var cache = services.GetRequiredService<WeChatTokenCache>();

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => cache.GetTokenAsync().AsTask());

        Assert.Equal(WeChatErrorCodes.InvalidAppSecret, error.ErrorCode);
        Assert.True(error.IsPermanent);
        Assert.Contains("AppSecret", error.UserMessage);
    }

    public void Dispose() => _fake.Dispose();
}
