using System.Security.Cryptography;
using System.Text;

namespace Publishing.Audit;

/// <summary>
/// The HMAC keys of the audit trail: the current one signs, retired ones still verify. Entries record the key id
/// (a keyed fingerprint, not the key) so a rotation never makes old entries unverifiable.
/// </summary>
public sealed class AuditKeyRing
{
    public const int MinimumKeyLength = 32;

    readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public AuditKeyRing(string currentKey, IEnumerable<string>? retiredKeys = null)
    {
        if (!IsUsable(currentKey))
        {
            throw new InvalidOperationException(
                $"Publishing:Audit:HmacKey must be a secret of at least {MinimumKeyLength} characters (a Key Vault secret in Azure); " +
                "without it audit entries could be rewritten by anyone who can write the table.");
        }

        CurrentKeyId = Add(currentKey);
        foreach (string retired in retiredKeys ?? [])
        {
            if (IsUsable(retired))
            {
                Add(retired);
            }
        }
    }

    public string CurrentKeyId { get; }

    /// <summary>A usable key: long enough and not an unresolved <c>@Microsoft.KeyVault(...)</c> reference.</summary>
    public static bool IsUsable(string? key) =>
        key is { Length: >= MinimumKeyLength } && !key.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    /// <summary>HMAC-SHA256 (lower-case hex) of <paramref name="text"/> with the key <paramref name="keyId"/>; null for an unknown key.</summary>
    public string? Sign(string keyId, string text) =>
        _keys.TryGetValue(keyId, out var key) ? Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text))) : null;

    string Add(string key)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(key);
        string id = Convert.ToHexStringLower(HMACSHA256.HashData(bytes, "publishing-audit-key-id"u8))[..16];
        _keys[id] = bytes;
        return id;
    }
}
