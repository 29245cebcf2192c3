using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Testing.Fakes;

namespace Publishing.Tests.Channels.WeChat;

/// <summary>一稿多发 is a single-veto fault: submit and delete reach WeChat at most once, whatever the network does.</summary>
public sealed class WeChatExactlyOnceTests : IDisposable
{
    readonly WeChatFake _fake = new();
    readonly ServiceProvider _services;
    readonly WeChatClient _client;

    public WeChatExactlyOnceTests()
    {
        _services = ChannelServices.ForWeChat(_fake);
        _client = _services.GetRequiredService<WeChatClient>();
    }

    [Fact]
    public async Task Submit_AnswerSlowerThanTheTimeout_OutcomeUnknownAndSentOnce()
    {
        string draft = await Draft();
        using var impatient = ChannelServices.ForWeChat(_fake, attemptTimeout: ChannelServices.ShortAttemptTimeout);
        var client = impatient.GetRequiredService<WeChatClient>();
        await impatient.GetRequiredService<WeChatTokenCache>().GetTokenAsync();
        _fake.SetDelay(WeChatFake.SubmitPath, ChannelServices.ShortAttemptTimeout * 2);

        var error = await Assert.ThrowsAsync<WeChatOutcomeUnknownException>(() => client.SubmitPublishAsync(draft));

        Assert.Equal(1, _fake.CallCount(WeChatFake.SubmitPath));
        Assert.Contains("核实", error.UserMessage);
    }

    [Fact]
    public async Task Submit_GatewayError_OutcomeUnknownAndSentOnce()
    {
        string draft = await Draft();
        _fake.FailNextWithHttpStatus(WeChatFake.SubmitPath, 502);

        await Assert.ThrowsAsync<WeChatOutcomeUnknownException>(() => _client.SubmitPublishAsync(draft));

        Assert.Equal(1, _fake.CallCount(WeChatFake.SubmitPath));
    }

    [Fact]
    public async Task Delete_GatewayError_SentOnce()
    {
        _fake.FailNextWithHttpStatus(WeChatFake.DeletePath, 503);

        await Assert.ThrowsAsync<WeChatOutcomeUnknownException>(() => _client.DeleteArticleAsync("2247483601_1", 0));

        Assert.Equal(1, _fake.CallCount(WeChatFake.DeletePath));
    }

    [Fact]
    public async Task DraftAdd_GatewayErrorOnce_IsRetriedAndSucceeds()
    {
        string thumb = await _client.AddThumbAsync(WeChatClientTests.Jpeg, "cover.jpg");
        _fake.FailNextWithHttpStatus(WeChatFake.DraftAddPath, 502);

        string draft = await _client.AddDraftAsync(new WeChatDraftArticle("政务公开工作要点", null, "摘要", "<p>正文</p>", "https://www.linyi.gov.cn/a.htm", thumb));

        Assert.False(string.IsNullOrEmpty(draft));
        Assert.Equal(2, _fake.CallCount(WeChatFake.DraftAddPath));
    }

    [Fact]
    public async Task Submit_ServerUnreachable_FailsAsNotSentRatherThanUnknown()
    {
        string draft = await Draft();
        _fake.Dispose();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _client.SubmitPublishAsync(draft));

        Assert.True(ChannelResilience.NeverSent(error));
    }

    async Task<string> Draft()
    {
        string thumb = await _client.AddThumbAsync(WeChatClientTests.Jpeg, "cover.jpg");
        return await _client.AddDraftAsync(new WeChatDraftArticle("政务公开工作要点", null, "摘要", "<p>正文</p>", "https://www.linyi.gov.cn/a.htm", thumb));
    }

    public void Dispose()
    {
        _services.Dispose();
        _fake.Dispose();
    }
}
