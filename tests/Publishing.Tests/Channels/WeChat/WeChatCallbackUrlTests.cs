using Publishing.Channels.WeChat;

namespace Publishing.Tests.Channels.WeChat;

public sealed class WeChatCallbackUrlTests
{
    [Theory]
    [InlineData("https://mp.weixin.qq.com/s/b5O2OUs25HBxRceL7hfReg", true)]
    [InlineData("http://mp.weixin.qq.com/s?__biz=MzA5NjQ2MDY5Mg==&mid=2650000001&idx=1", true)] // older links are http
    [InlineData("https://MP.WEIXIN.QQ.COM/s/x", true)]
    [InlineData("https://mp.weixin.qq.com.evil.example/s/x", false)] // suffix trick
    [InlineData("https://evil.example/mp.weixin.qq.com/s/x", false)] // host in the path
    [InlineData("https://mp.weixin.qq.com@evil.example/s/x", false)] // userinfo trick
    [InlineData("https://user@mp.weixin.qq.com/s/x", false)]         // credentials
    [InlineData("https://mp.weixin.qq.com:8443/s/x", false)]         // another port
    [InlineData("https://weixin.qq.com/s/x", false)]
    [InlineData("https://xn--mp-weixin-qq-com.example/s/x", false)]
    [InlineData("javascript:alert(1)//mp.weixin.qq.com", false)]
    [InlineData("//mp.weixin.qq.com/s/x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsOfficialArticleUrl_OnlyWeChatsOwnHost(string? url, bool official) =>
        Assert.Equal(official, WeChatCallbackParser.IsOfficialArticleUrl(url));

    [Fact]
    public void TryReadEncrypted_ReadsTheEncryptElement()
    {
        const string body = "<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><Encrypt><![CDATA[AAAA+/==]]></Encrypt></xml>";

        Assert.True(WeChatCallbackParser.TryReadEncrypted(body, out string encrypted));
        Assert.Equal("AAAA+/==", encrypted);
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName></xml>")]                                    // plaintext body
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>")] // XXE
    [InlineData("<other><Encrypt>AAAA</Encrypt></other>")]
    [InlineData("<xml><Encrypt></Encrypt></xml>")]
    [InlineData("not xml")]
    public void TryReadEncrypted_AnythingElse_IsRefused(string body) =>
        Assert.False(WeChatCallbackParser.TryReadEncrypted(body, out _));
}
