using System.Globalization;

namespace Publishing.Checks.Detectors;

/// <summary>Mainland resident ID numbers: GB 11643-1999 (18 characters with check digit) and the old 15-digit form.</summary>
public static class NationalId
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckCodes = "10X98765432";

    // First two digits: province-level division codes (GB/T 2260); 15-digit numbers of other origins rarely fit.
    static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
    ];

    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length == 18)
        {
            if (id[..17].ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x'))
            {
                return false;
            }

            int sum = 0;
            for (int i = 0; i < 17; i++)
            {
                sum += (id[i] - '0') * Weights[i];
            }

            return char.ToUpperInvariant(id[17]) == CheckCodes[sum % 11] && HasProvince(id) && IsDate(id.Slice(6, 8), "yyyyMMdd");
        }

        if (id.Length == 15)
        {
            return !id.ContainsAnyExceptInRange('0', '9') && HasProvince(id) && IsDate(id.Slice(6, 6), "yyMMdd");
        }

        return false;
    }

    static bool HasProvince(ReadOnlySpan<char> id) => Provinces.Contains(((id[0] - '0') * 10) + (id[1] - '0'));

    static bool IsDate(ReadOnlySpan<char> digits, string format)
    {
        if (!DateTime.TryParseExact(digits, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        // yyMMdd parses 49 → 2049; the 15-digit form was issued to people born in the 1900s.
        if (format == "yyMMdd")
        {
            return true;
        }

        return date.Year >= 1900 && date <= DateTime.Today;
    }
}
