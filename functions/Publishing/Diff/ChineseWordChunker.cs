using System.Globalization;
using DiffPlex;

namespace Publishing.Diff;

/// <summary>
/// Splits text into the units a Chinese reader compares: every Han character and every punctuation mark is its own
/// unit (Chinese has no spaces between words, and a one-character change such as 的→地 must show as one), while a
/// run of Latin letters or digits (2023, 〔2023〕45号's digits, an English word) stays whole, as does a run of spaces.
/// </summary>
public sealed class ChineseWordChunker : IChunker
{
    public static ChineseWordChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var chunks = new List<string>(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int length = UnitLength(text, i);
            chunks.Add(text.Substring(i, length));
            i += length;
        }

        return chunks;
    }

    static int UnitLength(string text, int start)
    {
        var kind = KindOf(text, start, out int first);
        if (kind is UnitKind.Single)
        {
            return first;
        }

        int end = start + first;
        while (end < text.Length && KindOf(text, end, out int next) == kind)
        {
            end += next;
        }

        return end - start;
    }

    enum UnitKind { Single, Word, Space }

    /// <param name="length">1, or 2 for a surrogate pair (rare Han characters of the CJK extensions).</param>
    static UnitKind KindOf(string text, int index, out int length)
    {
        length = char.IsSurrogatePair(text, index) ? 2 : 1;
        char c = text[index];
        if (c == '\n')
        {
            return UnitKind.Single;
        }

        if (char.IsWhiteSpace(c))
        {
            return UnitKind.Space;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        bool isHan = category == UnicodeCategory.OtherLetter;
        bool isWordPart = !isHan && (char.IsLetterOrDigit(text, index) || category is UnicodeCategory.NonSpacingMark);
        return isWordPart ? UnitKind.Word : UnitKind.Single;
    }
}
