namespace Publishing.Assets;

/// <summary>One located run of an attachment's text: a PDF page, a DOCX paragraph or an XLSX cell.</summary>
/// <param name="Part">Where in a Word file outside the body the text sits (页眉, 页脚, 脚注, 尾注, 批注); null in the body.</param>
public sealed record TextSegment(string Text, int? Page = null, string? Sheet = null, string? Cell = null, int? Paragraph = null, string? Part = null);

/// <summary>The text of an attachment in document order.</summary>
/// <param name="Pages">Page count of a PDF; null for other formats.</param>
/// <param name="PagesWithoutText">PDF pages that carry no text layer (scans): nothing on them could be checked.</param>
/// <param name="Truncated">The text passed the configured limit and the rest was not read.</param>
public sealed record ExtractedText(IReadOnlyList<TextSegment> Segments, int? Pages, IReadOnlyList<int> PagesWithoutText, bool Truncated)
{
    public static readonly ExtractedText None = new([], null, [], false);

    public int Chars => Segments.Sum(s => s.Text.Length);
}

/// <summary>Collects segments up to a character budget.</summary>
internal sealed class SegmentCollector(int maxChars)
{
    readonly List<TextSegment> _segments = [];
    int _chars;

    public bool Truncated { get; private set; }

    public IReadOnlyList<TextSegment> Segments => _segments;

    /// <returns>False once the budget is spent: the caller stops reading.</returns>
    public bool Add(TextSegment segment)
    {
        if (string.IsNullOrWhiteSpace(segment.Text))
        {
            return !Truncated;
        }

        if (_chars + segment.Text.Length > maxChars)
        {
            Truncated = true;
            return false;
        }

        _chars += segment.Text.Length;
        _segments.Add(segment);
        return true;
    }
}

/// <summary>The file could not be read as the format its bytes announce (damaged, encrypted).</summary>
public sealed class UnreadableDocumentException(string message, Exception? inner = null) : Exception(message, inner);
