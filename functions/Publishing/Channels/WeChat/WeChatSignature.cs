using System.Security.Cryptography;
using System.Text;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Checks that a request to the account's server URL comes from WeChat: <c>signature</c> is the SHA-1 hex of the
/// ordinally sorted concatenation of (callback token, timestamp, nonce).
/// </summary>
public static class WeChatSignature
{
    public static string Compute(string callbackToken, string timestamp, string nonce)
    {
        string[] parts = [callbackToken, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        byte[] hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>True when <paramref name="signature"/> matches; compared in constant time so it cannot be guessed byte by byte.</summary>
    public static bool Verify(string? callbackToken, string? timestamp, string? nonce, string? signature)
    {
        if (string.IsNullOrEmpty(callbackToken) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce)
            || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Compute(callbackToken, timestamp, nonce));
        byte[] actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
