using Publishing.Channels.WeChat;

namespace Publishing.Tests.Channels.WeChat;

public sealed class WeChatSignatureTests
{
    const string Token = "publishing2025";
    const string Timestamp = "1717390800";
    const string Nonce = "1398452761";
    // SHA-1 of "1398452761" + "1717390800" + "publishing2025" (sorted ordinally), computed independently.
    const string Expected = "0a03c9f261bc66007e78740af7fd31cadf8c8b66";

    [Fact]
    public void Compute_SortsThePartsBeforeHashing() =>
        Assert.Equal(Expected, WeChatSignature.Compute(Token, Timestamp, Nonce));

    [Fact]
    public void Verify_GenuineSignature_Accepted()
    {
        Assert.True(WeChatSignature.Verify(Token, Timestamp, Nonce, Expected));
        Assert.True(WeChatSignature.Verify(Token, Timestamp, Nonce, Expected.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("other-token", Timestamp, Nonce, Expected)] // signed with a different token
    [InlineData(Token, "1717390801", Nonce, Expected)] // replayed with a new timestamp
    [InlineData(Token, Timestamp, "1398452762", Expected)]
    [InlineData(Token, Timestamp, Nonce, "0a03c9f261bc66007e78740af7fd31cadf8c8b67")]
    [InlineData(Token, Timestamp, Nonce, "0a03c9f261bc66007e78740af7fd31cadf8c8b")] // truncated
    [InlineData(Token, Timestamp, Nonce, "")]
    [InlineData(Token, Timestamp, Nonce, null)]
    [InlineData("", Timestamp, Nonce, "da39a3ee5e6b4b0d3255bfef95601890afd80709")] // unconfigured token must not verify
    public void Verify_AnythingElse_Rejected(string? token, string? timestamp, string? nonce, string? signature) =>
        Assert.False(WeChatSignature.Verify(token, timestamp, nonce, signature));
}

public sealed class WeChatMessageSignatureTests
{
    const string Token = "wechat-callback-token-test";
    const string Timestamp = "1717390800";
    const string Nonce = "1398452761";
    const string Encrypt = "jn1L23DB+6ELqJ+6bruv28bkDDkQNe/jlolwAmalt2iMavoIPxubpFYKqVns1X4kjm8K+0I8rzTwngk7XZDQ4+4mQz7tOk9Eqylw9euIhnzzdg+56t9sk0fwOH08zaShsPgVBRorP0snut9Dsl3A/z9F0JBmR8dgfFNvJhaI0F5QodwQLzPG377l8/oo/AZlix6BmgBNvU2V+PPzCOG2xD/teCxbQTtC24lULM+gDUhZDA2kbbDg42XAbp2c5mLP";
    // SHA-1 of the ordinally sorted (token, timestamp, nonce, Encrypt), computed with Python's hashlib.
    const string Expected = "181f0fff044ba515caa738a75aec6c6d8a9dabb1";

    [Fact]
    public void ComputeMessage_CoversTheEncryptedBody() =>
        Assert.Equal(Expected, WeChatSignature.ComputeMessage(Token, Timestamp, Nonce, Encrypt));

    [Theory]
    [InlineData(Token, Timestamp, Nonce, Encrypt + "A", Expected)]    // body swapped under a logged signature
    [InlineData(Token, "1717390801", Nonce, Encrypt, Expected)]       // timestamp moved to look fresh
    [InlineData(Token, Timestamp, Nonce, Encrypt, "181f0fff044ba515caa738a75aec6c6d8a9dabb2")]
    [InlineData(Token, Timestamp, Nonce, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData(Token, Timestamp, Nonce, Encrypt, null)]
    public void VerifyMessage_AnythingElse_Rejected(string token, string timestamp, string nonce, string encrypt, string? signature) =>
        Assert.False(WeChatSignature.VerifyMessage(token, timestamp, nonce, encrypt, signature));

    [Fact]
    public void VerifyMessage_Genuine_Accepted() =>
        Assert.True(WeChatSignature.VerifyMessage(Token, Timestamp, Nonce, Encrypt, Expected));

    static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1717390800);

    [Theory]
    [InlineData("1717390800", true)]   // now
    [InlineData("1717390500", true)]   // 300 s old: the edge
    [InlineData("1717391100", true)]   // 300 s ahead (clock skew)
    [InlineData("1717390499", false)]  // 301 s old
    [InlineData("1717391101", false)]  // 301 s ahead
    [InlineData("1617390800", false)]  // a year-old logged URL
    [InlineData("-5", false)]
    [InlineData("17173908OO", false)]
    [InlineData("99999999999999999999", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsFresh_AllowsFiveMinutesEitherWay(string? timestamp, bool fresh) =>
        Assert.Equal(fresh, WeChatSignature.IsFresh(timestamp, Now));
}
