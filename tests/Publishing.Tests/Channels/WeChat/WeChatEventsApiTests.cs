using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Lifecycle;
using Publishing.Testing;
using Publishing.Testing.Fakes;

namespace Publishing.Tests.Channels.WeChat;

/// <summary>
/// The server URL handler against Azurite (nonce table, publication index) and the WeChat fake (freepublish/get),
/// one attack per test: replays, stale timestamps, forged article URLs, plaintext in safe mode, foreign AppIds.
/// </summary>
public sealed class WeChatEventsApiTests : IDisposable
{
    const string Token = "wechat-callback-token-test";
    static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    readonly WeChatFake _wechat = new();
    readonly ManualTimeProvider _time = new(Start);
    readonly RecordingDurableClient _durable = new();
    readonly string _nonceTable = TestStorage.UniqueName("nonces");
    readonly List<ServiceProvider> _providers = [];

    ServiceProvider Services(bool safeMode = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Publishing:WeChat:BaseUrl"] = _wechat.Url,
            ["Publishing:WeChat:AppId"] = _wechat.AppId,
            ["Publishing:WeChat:AppSecret"] = _wechat.AppSecret,
            ["Publishing:WeChat:CallbackToken"] = Token,
            ["Publishing:WeChat:CallbackNonceTable"] = _nonceTable,
            ["Publishing:WeChat:EncodingAesKey"] = safeMode ? WeChatMessageCryptoTests.EncodingAesKey : "",
            ["Publishing:WeChat:MaxRetryAttempts"] = "1",
            ["Publishing:WeChat:RetryBaseDelay"] = "00:00:00.050",
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(new TableServiceClient(TestStorage.ConnectionString));
        services.AddSingleton<PublicationStore>();
        services.AddSingleton<WeChatNonceCache>();
        services.AddWeChatChannel();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>A publish job the fake knows, indexed as the submit step would, and the instance waiting for it.</summary>
    async Task<(string PublishId, string InstanceId)> PendingPublishAsync(IServiceProvider services)
    {
        string publishId = _wechat.SeedPublish();
        string instanceId = "item-" + Guid.NewGuid().ToString("N") + "-wechat";
        await services.GetRequiredService<PublicationStore>().IndexWeChatPublishIdAsync(publishId, Guid.NewGuid().ToString("N"), 1, instanceId);
        return (publishId, instanceId);
    }

    sealed record Callback(string Query, string Body, string Timestamp, string Nonce, string Signature);

    Callback Plain(string xml, DateTimeOffset? at = null, string? nonce = null)
    {
        string timestamp = (at ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        string signature = WeChatSignature.Compute(Token, timestamp, nonce);
        return new Callback($"?signature={signature}&timestamp={timestamp}&nonce={nonce}&openid=oV5Crjpx", xml, timestamp, nonce, signature);
    }

    Callback Encrypted(string xml, string? appId = null, string? bodyEncrypt = null)
    {
        var plain = Plain(xml);
        string encrypt = new WeChatMessageCrypto(WeChatMessageCryptoTests.EncodingAesKey, appId ?? _wechat.AppId).Encrypt(xml);
        string messageSignature = WeChatSignature.ComputeMessage(Token, plain.Timestamp, plain.Nonce, encrypt);
        string body = $"<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><Encrypt><![CDATA[{bodyEncrypt ?? encrypt}]]></Encrypt></xml>";
        return plain with { Query = plain.Query + $"&encrypt_type=aes&msg_signature={messageSignature}", Body = body };
    }

    async Task<IResult> SendAsync(IServiceProvider services, Callback callback)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(callback.Query);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(callback.Body));
        var query = context.Request.Query;
        return await WeChatEventsApi.Receive(context, query["signature"], query["timestamp"], query["nonce"], _durable, CancellationToken.None);
    }

    static void AssertSuccess(IResult result) =>
        Assert.Equal("success", Assert.IsType<ContentHttpResult>(result).ResponseContent);

    static string AssertRefused(IResult result)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status401Unauthorized, problem.StatusCode);
        return problem.ProblemDetails.Detail!;
    }

    static string Finished(string publishId, int status = 0, string articleUrl = "https://mp.weixin.qq.com/s/claimed-by-the-callback") =>
        WeChatFake.PublishJobFinishXml(publishId, status, "article-claimed-by-the-callback", articleUrl);

    [Fact]
    public async Task GenuineCallback_RaisesTheStatusConfirmedByFreepublishGet_NotTheCallbacksClaims()
    {
        var services = Services();
        var (publishId, instanceId) = await PendingPublishAsync(services);

        AssertSuccess(await SendAsync(services, Plain(Finished(publishId))));

        var (raisedFor, eventName, payload) = Assert.Single(_durable.Raised);
        Assert.Equal(instanceId, raisedFor);
        Assert.Equal(WeChatPublishOrchestrator.FinishedEvent, eventName);
        var status = Assert.IsType<WeChatPublishStatus>(payload);
        Assert.Equal(0, status.PublishStatus);
        Assert.Equal(_wechat.ArticleIdOf(publishId), status.ArticleId);
        Assert.Equal(_wechat.ArticleUrlOf(publishId), status.ArticleUrl);
        Assert.Equal(1, _wechat.CallCount(WeChatFake.GetPath));
    }

    [Fact]
    public async Task CallbackClaimingSuccess_ForAFailedJob_RaisesTheFailure()
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);
        _wechat.SetPublishStatus(3);

        AssertSuccess(await SendAsync(services, Plain(Finished(publishId, status: 0))));

        Assert.Equal(3, Assert.IsType<WeChatPublishStatus>(Assert.Single(_durable.Raised).Payload).PublishStatus);
    }

    [Fact]
    public async Task CallbackForAJobStillPublishing_RaisesNothing_PollingDecidesLater()
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);
        _wechat.SetPublishStatus(1);

        AssertSuccess(await SendAsync(services, Plain(Finished(publishId))));

        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task ReplayedCallback_IsRefused_AndRaisesOnce()
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);
        var callback = Plain(Finished(publishId));

        AssertSuccess(await SendAsync(services, callback));
        string detail = AssertRefused(await SendAsync(services, callback));

        Assert.Contains("已处理过", detail);
        Assert.Single(_durable.Raised);
    }

    [Fact]
    public async Task ReplayedCallback_ToAnotherInstance_IsRefused()
    {
        var first = Services();
        var second = Services(); // another app instance: its own caches, the same storage
        var (publishId, _) = await PendingPublishAsync(first);
        var callback = Plain(Finished(publishId));

        AssertSuccess(await SendAsync(first, callback));
        AssertRefused(await SendAsync(second, callback));

        Assert.Single(_durable.Raised);
    }

    [Fact]
    public async Task ConcurrentCopiesOfOneCallback_OnlyOneIsAccepted()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Services()).ToList();
        var (publishId, _) = await PendingPublishAsync(instances[0]);
        var callback = Plain(Finished(publishId));

        var results = await Task.WhenAll(instances.Select(s => SendAsync(s, callback)));

        Assert.Single(results, r => r is ContentHttpResult);
        Assert.Single(_durable.Raised);
    }

    [Theory]
    [InlineData(-301)] // a logged URL replayed five minutes later
    [InlineData(-86400)]
    [InlineData(301)]  // stamped in the future
    public async Task StaleTimestamp_IsRefused_EvenWithAValidSignature(int offsetSeconds)
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);

        string detail = AssertRefused(await SendAsync(services, Plain(Finished(publishId), at: _time.GetUtcNow().AddSeconds(offsetSeconds))));

        Assert.Contains("5 分钟", detail);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task TimestampWithinTheWindow_IsAccepted()
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);
        var callback = Plain(Finished(publishId));
        _time.Advance(TimeSpan.FromSeconds(299));

        AssertSuccess(await SendAsync(services, callback));

        Assert.Single(_durable.Raised);
    }

    [Theory]
    [InlineData("https://evil.example/s/phishing")]
    [InlineData("https://mp.weixin.qq.com.evil.example/s/x")]
    [InlineData("https://mp.weixin.qq.com@evil.example/s/x")]
    [InlineData("javascript:alert(document.cookie)")]
    public async Task ForgedArticleUrl_IsIgnored(string articleUrl)
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);

        AssertSuccess(await SendAsync(services, Plain(Finished(publishId, articleUrl: articleUrl))));

        Assert.Empty(_durable.Raised);
        Assert.Equal(0, _wechat.CallCount(WeChatFake.GetPath));
    }

    [Fact]
    public async Task UnknownPublishJob_IsAcknowledgedAndIgnored()
    {
        var services = Services();

        AssertSuccess(await SendAsync(services, Plain(Finished("999999999"))));

        Assert.Empty(_durable.Raised);
        Assert.Equal(0, _wechat.CallCount(WeChatFake.GetPath));
    }

    [Fact]
    public async Task ConfirmationFails_NothingIsRaised_PollingWillRead()
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);
        _wechat.FailNext(WeChatFake.GetPath, 45009);

        AssertSuccess(await SendAsync(services, Plain(Finished(publishId))));

        Assert.Empty(_durable.Raised);
    }

    [Theory]
    [InlineData("other-token")]
    [InlineData("")]
    public async Task WrongSignature_IsRefused(string signingToken)
    {
        var services = Services();
        var (publishId, _) = await PendingPublishAsync(services);
        var genuine = Plain(Finished(publishId));
        string forged = WeChatSignature.Compute(signingToken, genuine.Timestamp, genuine.Nonce);

        AssertRefused(await SendAsync(services, genuine with { Query = genuine.Query.Replace(genuine.Signature, forged) }));

        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var services = Services();
        var callback = Plain("<xml>" + new string('x', 70 * 1024) + "</xml>");

        var problem = Assert.IsType<ProblemHttpResult>(await SendAsync(services, callback));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem.StatusCode);
    }

    [Fact]
    public async Task SafeMode_GenuineEncryptedCallback_IsDecryptedAndConfirmed()
    {
        var services = Services(safeMode: true);
        var (publishId, instanceId) = await PendingPublishAsync(services);

        AssertSuccess(await SendAsync(services, Encrypted(Finished(publishId))));

        Assert.Equal(instanceId, Assert.Single(_durable.Raised).InstanceId);
    }

    [Fact]
    public async Task SafeMode_PlaintextWithAValidSignature_IsRefused()
    {
        var services = Services(safeMode: true);
        var (publishId, _) = await PendingPublishAsync(services);

        string detail = AssertRefused(await SendAsync(services, Plain(Finished(publishId))));

        Assert.Contains("安全模式", detail);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task SafeMode_BodySwappedUnderALoggedMsgSignature_IsRefused()
    {
        var services = Services(safeMode: true);
        var (publishId, _) = await PendingPublishAsync(services);
        string other = new WeChatMessageCrypto(WeChatMessageCryptoTests.EncodingAesKey, _wechat.AppId).Encrypt(Finished(publishId, status: 0));

        AssertRefused(await SendAsync(services, Encrypted(Finished(publishId), bodyEncrypt: other)));

        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task SafeMode_MessageEncryptedForAnotherAppId_IsRefused()
    {
        var services = Services(safeMode: true);
        var (publishId, _) = await PendingPublishAsync(services);

        string detail = AssertRefused(await SendAsync(services, Encrypted(Finished(publishId), appId: "wx0000000000000000")));

        Assert.Contains("AppId", detail);
        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task SafeMode_MissingMsgSignature_IsRefused()
    {
        var services = Services(safeMode: true);
        var (publishId, _) = await PendingPublishAsync(services);
        var callback = Encrypted(Finished(publishId));

        AssertRefused(await SendAsync(services, callback with { Query = callback.Query[..callback.Query.IndexOf("&msg_signature", StringComparison.Ordinal)] }));

        Assert.Empty(_durable.Raised);
    }

    [Fact]
    public async Task EncryptedCallback_WithoutAConfiguredKey_IsRefusedWithTheSettingToFill()
    {
        var services = Services(safeMode: false);
        var (publishId, _) = await PendingPublishAsync(services);

        string detail = AssertRefused(await SendAsync(services, Encrypted(Finished(publishId))));

        Assert.Contains("EncodingAesKey", detail);
    }

    IResult VerifyUrl(IServiceProvider services, Callback callback, string echostr = "4375120948345356249")
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.QueryString = new QueryString(callback.Query);
        var query = context.Request.Query;
        return WeChatEventsApi.Verify(context, query["signature"], query["timestamp"], query["nonce"], echostr);
    }

    [Fact]
    public void UrlVerification_Genuine_EchoesTheString()
    {
        Assert.Equal("4375120948345356249", Assert.IsType<ContentHttpResult>(VerifyUrl(Services(), Plain(""))).ResponseContent);
    }

    [Fact]
    public void UrlVerification_StaleOrForged_IsRefused()
    {
        var services = Services();
        var stale = Plain("", at: _time.GetUtcNow().AddHours(-1));
        var genuine = Plain("");

        Assert.Contains("5 分钟", AssertRefused(VerifyUrl(services, stale)));
        AssertRefused(VerifyUrl(services, genuine with { Query = genuine.Query.Replace(genuine.Signature, new string('0', 40)) }));
    }

    [Fact]
    public async Task NonceSweep_RemovesOnlyExpiredBuckets()
    {
        var services = Services();
        var cache = services.GetRequiredService<WeChatNonceCache>();
        string old = Start.AddHours(-2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string fresh = Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.True(await cache.TryClaimAsync(old, "111"));
        Assert.True(await cache.TryClaimAsync(fresh, "222"));

        await cache.SweepAsync(Start);

        var rows = new TableServiceClient(TestStorage.ConnectionString).GetTableClient(_nonceTable).Query<TableEntity>().ToList();
        Assert.Single(rows);
        Assert.False(await cache.TryClaimAsync(fresh, "222"));
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _wechat.Dispose();
        new TableServiceClient(TestStorage.ConnectionString).DeleteTable(_nonceTable);
    }
}
