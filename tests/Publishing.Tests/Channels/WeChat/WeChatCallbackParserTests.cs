using Publishing.Channels.WeChat;
using Publishing.Testing.Fakes;

namespace Publishing.Tests.Channels.WeChat;

public sealed class WeChatCallbackParserTests
{
    const string Published = """
        <xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName><CreateTime>1717390800</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status><article_id><![CDATA[b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy--qNmqZjV3Zgn6tHhwp6m0P5_0B]]></article_id><article_detail><count>1</count><item><idx>1</idx><article_url><![CDATA[https://mp.weixin.qq.com/s/b5O2OUs25HBxRceL7hfReg]]></article_url></item></article_detail></PublishEventInfo></xml>
        """;

    [Fact]
    public void PublishedEvent_GivesIdsAndUrl()
    {
        Assert.True(WeChatCallbackParser.TryParsePublishJobFinish(Published, out var status));

        Assert.Equal("2247503051", status.PublishId);
        Assert.Equal(0, status.PublishStatus);
        Assert.Equal("b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy--qNmqZjV3Zgn6tHhwp6m0P5_0B", status.ArticleId);
        Assert.Equal("https://mp.weixin.qq.com/s/b5O2OUs25HBxRceL7hfReg", status.ArticleUrl);
        Assert.Empty(status.FailedIndexes);
    }

    [Fact]
    public void FailedEvent_GivesStatusAndFailedIndexes()
    {
        const string failed = "<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event><PublishEventInfo>"
            + "<publish_id>2247503052</publish_id><publish_status>2</publish_status><fail_idx>1</fail_idx><fail_idx>2</fail_idx></PublishEventInfo></xml>";

        Assert.True(WeChatCallbackParser.TryParsePublishJobFinish(failed, out var status));

        Assert.Equal(2, status.PublishStatus);
        Assert.Null(status.ArticleId);
        Assert.Null(status.ArticleUrl);
        Assert.Equal([1, 2], status.FailedIndexes);
    }

    [Fact]
    public void FakeBuiltEvent_RoundTrips()
    {
        string xml = WeChatFake.PublishJobFinishXml("2247483601", 0, "ARTICLE_1", "https://mp.weixin.qq.com/s/abc");

        Assert.True(WeChatCallbackParser.TryParsePublishJobFinish(xml, out var status));
        Assert.Equal(("2247483601", "ARTICLE_1", "https://mp.weixin.qq.com/s/abc"), (status.PublishId, status.ArticleId, status.ArticleUrl));
    }

    [Theory]
    [InlineData("<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>")] // another event
    [InlineData("<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>")] // a follower's message
    [InlineData("<xml><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_status>0</publish_status></PublishEventInfo></xml>")] // no publish_id
    [InlineData("<xml><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_id>1</publish_id><publish_status>ok</publish_status></PublishEventInfo></xml>")]
    [InlineData("<xml><MsgType>event</MsgType>")] // truncated
    [InlineData("not xml")]
    [InlineData("")]
    public void NotAPublishResult_ReturnsFalse(string xml) =>
        Assert.False(WeChatCallbackParser.TryParsePublishJobFinish(xml, out _));

    [Theory]
    // XXE: an external entity that would read a local file into publish_id.
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_id>&xxe;</publish_id><publish_status>0</publish_status></PublishEventInfo></xml>")]
    // Billion laughs: nested internal entities that expand to gigabytes.
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><xml><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_id>&d;</publish_id><publish_status>0</publish_status></PublishEventInfo></xml>")]
    // A harmless-looking internal entity: still a DTD, still refused.
    [InlineData("<!DOCTYPE xml [<!ENTITY id \"2247503051\">]><xml><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_id>&id;</publish_id><publish_status>0</publish_status></PublishEventInfo></xml>")]
    public void DocumentWithDtd_Rejected(string xml)
    {
        Assert.False(WeChatCallbackParser.TryParsePublishJobFinish(xml, out var status));
        Assert.Null(status);
    }

    [Fact]
    public void ExternalDtd_IsNeverFetched()
    {
        // SSRF via XXE: the parser must not call out to an attacker-chosen (or internal) URL.
        using var listener = new WeChatFake();
        string xml = $"<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"{listener.Url}/evil.dtd\"><xml><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event>"
            + "<PublishEventInfo><publish_id>1</publish_id><publish_status>0</publish_status></PublishEventInfo></xml>";

        Assert.False(WeChatCallbackParser.TryParsePublishJobFinish(xml, out _));
        Assert.Equal(0, listener.CallCount("/evil.dtd"));
    }
}
