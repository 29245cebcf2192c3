using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Checks that a request to the account's server URL comes from WeChat: <c>signature</c> is the SHA-1 hex of the
/// ordinally sorted concatenation of (callback token, timestamp, nonce); in safe mode <c>msg_signature</c> also
/// covers the <c>Encrypt</c> body. A signature alone can be replayed, so callers also check
/// <see cref="IsFresh"/> and remember the nonce.
/// </summary>
public static class WeChatSignature
{
    /// <summary>How far a callback's timestamp may be from our clock, either way.</summary>
    public static readonly TimeSpan MaxClockDifference = TimeSpan.FromSeconds(300);

    public static string Compute(string callbackToken, string timestamp, string nonce) =>
        Sha1OfSorted([callbackToken, timestamp, nonce]);

    /// <summary><c>msg_signature</c> = SHA-1 of the sorted (token, timestamp, nonce, Encrypt).</summary>
    public static string ComputeMessage(string callbackToken, string timestamp, string nonce, string encrypted) =>
        Sha1OfSorted([callbackToken, timestamp, nonce, encrypted]);

    /// <summary>True when <paramref name="signature"/> matches; compared in constant time so it cannot be guessed byte by byte.</summary>
    public static bool Verify(string? callbackToken, string? timestamp, string? nonce, string? signature)
    {
        if (string.IsNullOrEmpty(callbackToken) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce))
        {
            return false;
        }

        return SameHex(Compute(callbackToken, timestamp, nonce), signature);
    }

    public static bool VerifyMessage(string? callbackToken, string? timestamp, string? nonce, string? encrypted, string? messageSignature)
    {
        if (string.IsNullOrEmpty(callbackToken) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(encrypted))
        {
            return false;
        }

        return SameHex(ComputeMessage(callbackToken, timestamp, nonce, encrypted), messageSignature);
    }

    /// <summary>The Unix-seconds <paramref name="timestamp"/> is within <see cref="MaxClockDifference"/> of <paramref name="now"/>.</summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (DateTimeOffset.FromUnixTimeSeconds(seconds) - now).Duration() <= MaxClockDifference;

    static string Sha1OfSorted(string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    static bool SameHex(string expected, string? actual)
    {
        if (string.IsNullOrEmpty(actual))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
    }
}
