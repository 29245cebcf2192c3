using System.Security.Cryptography;
using System.Text;
using Publishing.Channels.WeChat;

namespace Publishing.Tests.Channels.WeChat;

/// <summary>
/// Safe mode (消息加解密) as the WeChat spec defines it. The fixed vector was built outside .NET from the spec:
/// plaintext = "aaaabbbbccccdddd" + msg_len (big-endian) + msg + AppId, PKCS#7-padded to 32 bytes, encrypted with
/// <c>openssl enc -aes-256-cbc -nopad</c>, key = Base64_Decode(EncodingAESKey + "="), IV = key[0..16].
/// </summary>
public sealed class WeChatMessageCryptoTests
{
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string AppId = "wx5f2a9c3e7b1d4086";
    const string Message = "<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[PUBLISHJOBFINISH]]></Event></xml>";
    const string Encrypted = "jn1L23DB+6ELqJ+6bruv28bkDDkQNe/jlolwAmalt2iMavoIPxubpFYKqVns1X4kjm8K+0I8rzTwngk7XZDQ4+4mQz7tOk9Eqylw9euIhnzzdg+56t9sk0fwOH08zaShsPgVBRorP0snut9Dsl3A/z9F0JBmR8dgfFNvJhaI0F5QodwQLzPG377l8/oo/AZlix6BmgBNvU2V+PPzCOG2xD/teCxbQTtC24lULM+gDUhZDA2kbbDg42XAbp2c5mLP";

    static readonly WeChatMessageCrypto Crypto = new(EncodingAesKey, AppId);

    [Fact]
    public void Decrypt_FixedVector_YieldsTheMessage()
    {
        Assert.True(Crypto.TryDecrypt(Encrypted, out string message));
        Assert.Equal(Message, message);
    }

    [Fact]
    public void Encrypt_WithTheVectorsRandomPrefix_YieldsTheFixedVector()
    {
        Assert.Equal(Encrypted, Crypto.Encrypt(Message, "aaaabbbbccccdddd"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("success")]
    [InlineData("<xml><Content><![CDATA[关于2026年政务公开工作要点的通知]]></Content></xml>")]
    [InlineData("0123456789")] // 16 + 4 + 10 + 18 = 48 bytes: padded with 16
    [InlineData("012345678901234567890123456789ab")] // 16 + 4 + 32 + 18 = 70: padded with 26
    public void EncryptThenDecrypt_RoundTrips_AndPadsTo32Bytes(string message)
    {
        string encrypted = Crypto.Encrypt(message);

        Assert.Equal(0, Convert.FromBase64String(encrypted).Length % 32);
        Assert.True(Crypto.TryDecrypt(encrypted, out string back));
        Assert.Equal(message, back);
    }

    [Fact]
    public void Encrypt_PlaintextAlreadyAMultipleOf32_AddsAWholeBlockOfPadding()
    {
        // 16 + 4 + 26 + 18 = 64 bytes: PKCS#7 appends 32 bytes of value 32, as WeChat's samples do.
        string encrypted = Crypto.Encrypt(new string('x', 26));

        Assert.Equal(96, Convert.FromBase64String(encrypted).Length);
        Assert.True(Crypto.TryDecrypt(encrypted, out string back));
        Assert.Equal(new string('x', 26), back);
    }

    [Fact]
    public void Decrypt_MessageForAnotherAppId_IsRefused()
    {
        string forOtherAccount = new WeChatMessageCrypto(EncodingAesKey, "wx0000000000000000").Encrypt(Message);

        Assert.False(Crypto.TryDecrypt(forOtherAccount, out _));
    }

    [Fact]
    public void Decrypt_WithAnotherKey_IsRefused()
    {
        var other = new WeChatMessageCrypto("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut", AppId);

        Assert.False(other.TryDecrypt(Encrypted, out _));
    }

    [Theory]
    [InlineData(0)]   // flips a bit of msg_len in the next block: the length no longer fits
    [InlineData(16)]  // garbles the block holding msg_len
    [InlineData(190)] // garbles the last block: padding and AppId
    public void Decrypt_FlippedBit_IsRefused(int index)
    {
        byte[] cipher = Convert.FromBase64String(Encrypted);
        cipher[index] ^= 0x01;

        Assert.False(Crypto.TryDecrypt(Convert.ToBase64String(cipher), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]                                         // 3 bytes: not a whole block
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]                     // 16 bytes: AES block but not WeChat's 32
    public void Decrypt_Malformed_IsRefused(string encrypted)
    {
        Assert.False(Crypto.TryDecrypt(encrypted, out _));
    }

    [Theory]
    [InlineData(0)]   // pad byte 0 is not PKCS#7
    [InlineData(33)]  // larger than the 32-byte block
    [InlineData(-1)]  // inconsistent padding bytes
    public void Decrypt_BadPadding_IsRefused(int padValue)
    {
        // Build the plaintext by hand and encrypt without padding, so only the padding is wrong.
        byte[] key = Convert.FromBase64String(EncodingAesKey + "=");
        byte[] body = Encoding.UTF8.GetBytes("x");
        byte[] plain = new byte[64];
        plain[19] = 1;
        plain[20] = body[0];
        Encoding.UTF8.GetBytes(AppId).CopyTo(plain, 21);
        if (padValue < 0)
        {
            plain.AsSpan(39).Fill(25);
            plain[50] = 24;
        }
        else
        {
            plain.AsSpan(39).Fill((byte)padValue);
        }

        using var aes = Aes.Create();
        aes.Key = key;
        string encrypted = Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));

        Assert.False(Crypto.TryDecrypt(encrypted, out _));
    }

    [Fact]
    public void Decrypt_LengthFieldBeyondTheData_IsRefused()
    {
        byte[] key = Convert.FromBase64String(EncodingAesKey + "=");
        byte[] plain = new byte[64];
        plain[16] = 0x7F; // msg_len ≈ 2 GB
        plain.AsSpan(52).Fill(12);
        using var aes = Aes.Create();
        aes.Key = key;

        Assert.False(Crypto.TryDecrypt(Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None)), out _));
    }

    [Theory]
    [InlineData(EncodingAesKey, true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", false)]   // 42 characters
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", false)] // 44 characters
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDE+/", false)]  // Base64 but not the key alphabet
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidKey_AcceptsOnlyThe43CharacterKey(string? key, bool valid)
    {
        Assert.Equal(valid, WeChatMessageCrypto.IsValidKey(key));
    }
}
