using System.Security.Cryptography;
using System.Text;

namespace Publishing.Storage;

/// <summary>Makes arbitrary strings valid as Table storage PartitionKey/RowKey values.</summary>
public static class TableKeys
{
    /// <summary>
    /// Reversible escape: the characters Table keys forbid (/ \ # ? and control characters) and '%' itself become
    /// %XX, everything else stays readable.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A fixed-length, key-safe stand-in for a value of any length (SHA-256, lower-case hex).</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
