namespace Publishing.Content;

/// <summary>
/// Text a reader sees, with each character's source range in the HTML it came from, so a finding located in
/// the text can be highlighted in the page. Characters that have no HTML source (the title, inserted line
/// breaks) map to -1.
/// </summary>
public sealed class VisibleText
{
    readonly int[] _htmlStarts;
    readonly int[] _htmlEnds;

    public VisibleText(string text, int[] htmlStarts, int[] htmlEnds, IReadOnlyList<ImageReference> images)
    {
        if (htmlStarts.Length != text.Length || htmlEnds.Length != text.Length)
        {
            throw new ArgumentException("One HTML range per character is required.");
        }

        Text = text;
        _htmlStarts = htmlStarts;
        _htmlEnds = htmlEnds;
        Images = images;
    }

    public string Text { get; }

    public IReadOnlyList<ImageReference> Images { get; }

    /// <summary>The item's visible text: title, a newline, then the body — the text findings are located in.</summary>
    public static VisibleText ForItem(string title, VisibleText body)
    {
        int offset = title.Length + 1;
        int total = offset + body.Text.Length;
        int[] starts = new int[total];
        int[] ends = new int[total];
        Array.Fill(starts, -1, 0, offset);
        Array.Fill(ends, -1, 0, offset);
        body._htmlStarts.CopyTo(starts, offset);
        body._htmlEnds.CopyTo(ends, offset);
        var images = body.Images.Select(i => i with { TextPosition = i.TextPosition + offset }).ToList();
        return new VisibleText(title + "\n" + body.Text, starts, ends, images);
    }

    /// <summary>
    /// The HTML range covering text[start..start+length), or false when none of it came from the HTML
    /// (e.g. a finding in the title). An empty range maps to the position of the next mapped character.
    /// </summary>
    public bool TryMapToHtml(int start, int length, out int htmlStart, out int htmlLength)
    {
        htmlStart = -1;
        htmlLength = 0;
        int end = start + length;
        for (int i = start; i < end; i++)
        {
            if (_htmlStarts[i] >= 0)
            {
                htmlStart = _htmlStarts[i];
                break;
            }
        }

        if (htmlStart < 0)
        {
            return false;
        }

        int htmlEnd = htmlStart;
        for (int i = end - 1; i >= start; i--)
        {
            if (_htmlEnds[i] >= 0)
            {
                htmlEnd = _htmlEnds[i];
                break;
            }
        }

        htmlLength = htmlEnd - htmlStart;
        return true;
    }
}
