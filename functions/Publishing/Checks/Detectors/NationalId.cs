using System.Globalization;

namespace Publishing.Checks.Detectors;

/// <summary>
/// Mainland resident ID numbers: GB 11643-1999 (18 characters with check digit) and the old 15-digit form. An
/// 18-character number is recognised by its check digit alone: a number with a typo in its birth date or an unknown
/// region code is still someone's number (the standard's own sample, 440524188001010014, was born in 1880).
/// </summary>
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

            return char.ToUpperInvariant(id[17]) == CheckCodes[sum % 11];
        }

        if (id.Length == 15)
        {
            // No check digit: only a province code and a real birth date tell it from any other 15 digits.
            return !id.ContainsAnyExceptInRange('0', '9') && HasProvince(id) && IsDate(id.Slice(6, 6));
        }

        return false;
    }

    static bool HasProvince(ReadOnlySpan<char> id) => Provinces.Contains(((id[0] - '0') * 10) + (id[1] - '0'));

    static bool IsDate(ReadOnlySpan<char> digits) =>
        // yyMMdd parses 49 → 2049, but the 15-digit form was issued to people born in the 1900s: any valid date will do.
        DateTime.TryParseExact(digits, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
