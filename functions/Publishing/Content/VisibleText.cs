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
    readonly List<(int Start, string Name)> _attributeLines;

    public VisibleText(string text, int[] htmlStarts, int[] htmlEnds, IReadOnlyList<ImageReference> images)
        : this(text, htmlStarts, htmlEnds, images, [], [])
    {
    }

    VisibleText(string text, int[] htmlStarts, int[] htmlEnds, IReadOnlyList<ImageReference> images,
        IReadOnlyList<AttributeText> attributes, List<(int Start, string Name)> attributeLines)
    {
        if (htmlStarts.Length != text.Length || htmlEnds.Length != text.Length)
        {
            throw new ArgumentException("One HTML range per character is required.");
        }

        Text = text;
        _htmlStarts = htmlStarts;
        _htmlEnds = htmlEnds;
        Images = images;
        Attributes = attributes;
        _attributeLines = attributeLines;
    }

    public string Text { get; }

    public IReadOnlyList<ImageReference> Images { get; }

    /// <summary>The alt, title and href values of the body, in document order (not part of <see cref="Text"/> of a body).</summary>
    public IReadOnlyList<AttributeText> Attributes { get; }

    internal static VisibleText Body(string text, int[] htmlStarts, int[] htmlEnds, IReadOnlyList<ImageReference> images, IReadOnlyList<AttributeText> attributes) =>
        new(text, htmlStarts, htmlEnds, images, attributes, []);

    /// <summary>
    /// The item's checked text: title, a newline, the body, then each attribute value of the body on a line of its
    /// own — the text findings are located in.
    /// </summary>
    public static VisibleText ForItem(string title, VisibleText body)
    {
        int offset = title.Length + 1;
        int total = offset + body.Text.Length + body.Attributes.Sum(a => a.Value.Length + 1);
        var text = new System.Text.StringBuilder(total);
        int[] starts = new int[total];
        int[] ends = new int[total];
        Array.Fill(starts, -1, 0, offset);
        Array.Fill(ends, -1, 0, offset);
        text.Append(title).Append('\n').Append(body.Text);
        body._htmlStarts.CopyTo(starts, offset);
        body._htmlEnds.CopyTo(ends, offset);
        var lines = new List<(int Start, string Name)>(body.Attributes.Count);
        int at = offset + body.Text.Length;
        foreach (var attribute in body.Attributes)
        {
            starts[at] = -1;
            ends[at] = -1;
            text.Append('\n').Append(attribute.Value);
            at++;
            lines.Add((at, attribute.Name));
            attribute.HtmlStarts.CopyTo(starts, at);
            attribute.HtmlEnds.CopyTo(ends, at);
            at += attribute.Value.Length;
        }

        var images = body.Images.Select(i => i with { TextPosition = i.TextPosition + offset }).ToList();
        return new VisibleText(text.ToString(), starts, ends, images, body.Attributes, lines);
    }

    /// <summary>The attribute whose value holds text position <paramref name="position"/>, or null in the title or body.</summary>
    public string? AttributeAt(int position)
    {
        int lo = 0;
        int hi = _attributeLines.Count - 1;
        string? found = null;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_attributeLines[mid].Start <= position)
            {
                found = _attributeLines[mid].Name;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// The HTML range covering text[start..start+length), or false when none of it came from the HTML
    /// (e.g. a finding in the title). An empty range maps to the position of the next mapped character.
    /// </summary>
    public bool TryMapToHtml(int start, int length, out int htmlStart, out int htmlLength)
    {
        htmlStart = -1;
        htmlLength = 0;
        start = Math.Clamp(start, 0, Text.Length);
        int end = Math.Clamp(start + Math.Max(0, length), start, Text.Length);
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
