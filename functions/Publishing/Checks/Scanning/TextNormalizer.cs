using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Publishing.Checks.Scanning;

/// <summary>
/// What the checks read instead of the raw text, so a marking or a number cannot hide behind characters a reader
/// never sees or behind another width: format characters (Unicode Cf: ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM, soft
/// hyphen, bidi controls …) and other invisible fillers are removed, and compatibility forms of letters, digits and
/// ideographs are folded as NFKC does (１３８ → 138, Ｘ → X, 𝟏 → 1, ㊙ → 秘, compatibility ideographs → unified ones).
/// </summary>
/// <remarks>
/// Punctuation and spaces keep their width: the punctuation checks must still tell “（” from “(”. The exceptions are
/// the characters that only ever join the parts of an address or number (＠ ＊ － ． ＿), folded to ASCII.
/// </remarks>
public static class TextNormalizer
{
    // Invisible characters outside Cf that still render as nothing: combining grapheme joiner, Hangul fillers,
    // Mongolian vowel separator, variation selectors.
    static readonly int[] InvisibleNonFormat = [0x034F, 0x115F, 0x1160, 0x180E, 0x3164, 0xFFA0];

    static readonly string[] FoldedPunctuation = ["＊", "－", "．", "＠", "＿"];

    static readonly Lazy<string?[]> Bmp = new(BuildBmpTable);

    static readonly ConcurrentDictionary<int, string?> Supplementary = new();

    /// <summary>The empty string when the code point is dropped, its folded form when folded, null when kept as is.</summary>
    public static string? Map(string text, int index, out int consumed)
    {
        char c = text[index];
        consumed = 1;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            consumed = 2;
            return Supplementary.GetOrAdd(char.ConvertToUtf32(c, text[index + 1]), MapSupplementary);
        }

        return c < 0x80 ? null : Bmp.Value[c];
    }

    /// <summary>The normalised form of a whole string (rule terms are normalised like the text they are found in).</summary>
    public static string Normalize(string text)
    {
        var output = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length;)
        {
            string? mapped = Map(text, i, out int consumed);
            output.Append(mapped ?? text.Substring(i, consumed));
            i += consumed;
        }

        return output.ToString();
    }

    static string?[] BuildBmpTable()
    {
        var table = new string?[char.MaxValue + 1];
        for (int c = 0x80; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            table[c] = MapCodePoint(c, ((char)c).ToString());
        }

        foreach (string p in FoldedPunctuation)
        {
            table[p[0]] = p.Normalize(NormalizationForm.FormKC);
        }

        return table;
    }

    static string? MapSupplementary(int codePoint) => MapCodePoint(codePoint, char.ConvertFromUtf32(codePoint));

    static string? MapCodePoint(int codePoint, string text)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category == UnicodeCategory.Format || Array.IndexOf(InvisibleNonFormat, codePoint) >= 0
            || codePoint is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF))
        {
            return "";
        }

        bool candidate = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            || codePoint is (>= 0x2E80 and <= 0x2FDF) or (>= 0x3200 and <= 0x33FF) or (>= 0xF900 and <= 0xFAFF)
                or (>= 0x1F200 and <= 0x1F2FF) or (>= 0x2F800 and <= 0x2FA1F);
        if (!candidate)
        {
            return null;
        }

        string folded = text.Normalize(NormalizationForm.FormKC);
        return folded != text && folded.All(f => char.IsAsciiLetterOrDigit(f) || IsIdeograph(f)) ? folded : null;
    }

    static bool IsIdeograph(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
