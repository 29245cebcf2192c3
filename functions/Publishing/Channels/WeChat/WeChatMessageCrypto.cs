using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Publishing.Channels.WeChat;

/// <summary>
/// WeChat's 消息加解密 (safe mode) for the server URL. AESKey = Base64_Decode(EncodingAESKey + "="), 32 bytes;
/// AES-256-CBC with IV = AESKey[0..16]; the plaintext is random(16) + msg_len (4 bytes, network order) + msg + AppId,
/// PKCS#7-padded to a multiple of 32 bytes (not AES's 16); the result is Base64 in the XML <c>Encrypt</c> element.
/// </summary>
public sealed class WeChatMessageCrypto
{
    public const int EncodingAesKeyLength = 43;
    const int RandomLength = 16;
    const int LengthFieldLength = 4;
    const int PaddingBlock = 32;

    readonly byte[] _key;
    readonly string _appId;

    public WeChatMessageCrypto(string encodingAesKey, string appId)
    {
        if (!TryDecodeKey(encodingAesKey, out var key))
        {
            throw new ArgumentException("EncodingAESKey must be the 43 characters shown in the 公众平台 (letters and digits).", nameof(encodingAesKey));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        _key = key;
        _appId = appId;
    }

    /// <summary>True when <paramref name="encodingAesKey"/> is 43 Base64 characters decoding to a 32-byte key.</summary>
    public static bool IsValidKey(string? encodingAesKey) => TryDecodeKey(encodingAesKey, out _);

    /// <summary>Encrypts <paramref name="message"/> for this account. <paramref name="random"/> (16 bytes) is for fixed test vectors.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] body = Encoding.UTF8.GetBytes(message);
        byte[] appId = Encoding.UTF8.GetBytes(_appId);
        int length = RandomLength + LengthFieldLength + body.Length + appId.Length;
        int pad = PaddingBlock - (length % PaddingBlock);
        byte[] plain = new byte[length + pad];
        if (random.IsEmpty)
        {
            RandomNumberGenerator.Fill(plain.AsSpan(0, RandomLength));
        }
        else if (random.Length == RandomLength)
        {
            random.CopyTo(plain);
        }
        else
        {
            throw new ArgumentException("The random prefix is 16 bytes.", nameof(random));
        }

        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), body.Length);
        body.CopyTo(plain, RandomLength + LengthFieldLength);
        appId.CopyTo(plain, RandomLength + LengthFieldLength + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts an <c>Encrypt</c> value; false for anything malformed or addressed to another AppId.</summary>
    public bool TryDecrypt(string? encrypted, out string message)
    {
        message = "";
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted ?? "");
        }
        catch (FormatException)
        {
            return false;
        }

        if (cipher.Length == 0 || cipher.Length % PaddingBlock != 0)
        {
            return false;
        }

        using var aes = Aes.Create();
        aes.Key = _key;
        byte[] plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > PaddingBlock || plain.AsSpan(plain.Length - pad).IndexOfAnyExcept((byte)pad) >= 0)
        {
            return false;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + LengthFieldLength)
        {
            return false;
        }

        int bodyLength = BinaryPrimitives.ReadInt32BigEndian(content[RandomLength..]);
        var rest = content[(RandomLength + LengthFieldLength)..];
        if (bodyLength < 0 || bodyLength > rest.Length)
        {
            return false;
        }

        // The AppId after the message proves the message was encrypted for this account, not another one sharing the key.
        if (!rest[bodyLength..].SequenceEqual(Encoding.UTF8.GetBytes(_appId)))
        {
            return false;
        }

        try
        {
            message = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(rest[..bodyLength]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    static bool TryDecodeKey(string? encodingAesKey, out byte[] key)
    {
        key = [];
        if (encodingAesKey is not { Length: EncodingAesKeyLength } || !encodingAesKey.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        key = Convert.FromBase64String(encodingAesKey + "=");
        return key.Length == 32;
    }
}
