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
