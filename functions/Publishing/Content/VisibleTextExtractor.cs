using System.Net;
using System.Text;

namespace Publishing.Content;

/// <summary>
/// Turns sanitized HTML into the text a reader sees: block elements become line breaks, table cells tabs,
/// entities are decoded, and every character remembers where it came from in the HTML. The alt, title and href
/// values are collected beside the text, each character mapped into the attribute value.
/// </summary>
/// <remarks>
/// A small hand-written scanner rather than a DOM walk, because the DOM does not keep source offsets and the
/// input is the sanitizer's own serialization (well-formed, quoted attributes, no scripts). It still accepts any
/// string, in one pass: every look-ahead is bounded or moves the scan past what it read.
/// </remarks>
public static class VisibleTextExtractor
{
    /// <summary>The longest entity the scanner decodes (&amp;CounterClockwiseContourIntegral; is 33 characters).</summary>
    const int MaxEntityLength = 40;

    static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
        "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "hr", "figure", "figcaption",
    };

    /// <summary>Attributes whose value people read: image descriptions, tooltips and link targets.</summary>
    static readonly HashSet<string> TextAttributes = new(StringComparer.OrdinalIgnoreCase) { "alt", "title", "href" };

    public static VisibleText Extract(string html)
    {
        var text = new StringBuilder(html.Length);
        var starts = new List<int>(html.Length);
        var ends = new List<int>(html.Length);
        var images = new List<ImageReference>();
        var attributes = new List<AttributeText>();

        void Emit(char c, int from, int to)
        {
            text.Append(c);
            starts.Add(from);
            ends.Add(to);
        }

        void Break(char c, int at)
        {
            if (text.Length > 0 && text[^1] != '\n')
            {
                Emit(c, at, at);
            }
        }

        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '<')
            {
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    int commentEnd = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = commentEnd < 0 ? html.Length : commentEnd + 3;
                    continue;
                }

                int close = FindTagEnd(html, i);
                bool endTag = i + 1 < html.Length && html[i + 1] == '/';
                var name = TagName(html, i, close);
                string? alt = null;
                if (!endTag)
                {
                    alt = ReadAttributes(html, i + 1 + name.Length, close, attributes);
                }

                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    Emit('\n', i, close);
                }
                else if (name.Equals("img", StringComparison.OrdinalIgnoreCase))
                {
                    if (!endTag)
                    {
                        images.Add(new ImageReference(text.Length, i, close - i, alt));
                    }
                }
                else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
                {
                    if (endTag)
                    {
                        Emit('\t', i, i);
                    }
                }
                else if (BlockTags.Contains(name.ToString()))
                {
                    Break('\n', i);
                }

                i = close;
            }
            else if (c == '&' && TryDecodeEntity(html, i, out string decoded, out int next))
            {
                foreach (char d in decoded)
                {
                    Emit(d == '\u00A0' ? ' ' : d, i, next);
                }

                i = next;
            }
            else
            {
                // Source line breaks and tabs render as spaces; keeping one character each keeps the map 1:1.
                Emit(c is '\r' or '\n' or '\t' ? ' ' : c, i, i + 1);
                i++;
            }
        }

        while (text.Length > 0 && text[^1] is '\n' or '\t')
        {
            text.Length--;
            starts.RemoveAt(starts.Count - 1);
            ends.RemoveAt(ends.Count - 1);
        }

        // An image after the last text (e.g. <p>…</p><p><img></p>) pointed past the trimmed breaks.
        for (int k = images.Count - 1; k >= 0 && images[k].TextPosition > text.Length; k--)
        {
            images[k] = images[k] with { TextPosition = text.Length };
        }

        return VisibleText.Body(text.ToString(), [.. starts], [.. ends], images, attributes);
    }

    /// <summary>Decodes one character reference at <paramref name="at"/>; false for a lone '&amp;'.</summary>
    static bool TryDecodeEntity(string html, int at, out string decoded, out int next)
    {
        decoded = "";
        next = at + 1;
        int semi = html.IndexOf(';', at, Math.Min(MaxEntityLength, html.Length - at));
        if (semi <= at)
        {
            return false;
        }

        string value = WebUtility.HtmlDecode(html[at..(semi + 1)]);
        if (value.Length == 1 || (value.Length == 2 && char.IsSurrogatePair(value[0], value[1])))
        {
            decoded = value;
            next = semi + 1;
            return true;
        }

        return false;
    }

    static int FindTagEnd(string html, int open)
    {
        char quote = '\0';
        for (int i = open + 1; i < html.Length; i++)
        {
            char c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    static ReadOnlySpan<char> TagName(string html, int open, int close)
    {
        int start = open + 1 < close && html[open + 1] == '/' ? open + 2 : open + 1;
        int end = start;
        while (end < close && char.IsAsciiLetterOrDigit(html[end]))
        {
            end++;
        }

        return html.AsSpan(start, end - start);
    }

    /// <summary>Collects the text attributes of one start tag; returns its alt value (null without one).</summary>
    static string? ReadAttributes(string html, int from, int close, List<AttributeText> attributes)
    {
        string? alt = null;
        int i = from;
        while (i < close)
        {
            while (i < close && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }

            int nameStart = i;
            while (i < close && html[i] is not ('=' or '>' or '/') && !char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var name = html.AsSpan(nameStart, i - nameStart);
            if (name.Length == 0)
            {
                i++;
                continue;
            }

            while (i < close && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i >= close || html[i] != '=')
            {
                continue;
            }

            i++;
            while (i < close && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            int valueStart;
            int valueEnd;
            if (i < close && html[i] is '"' or '\'')
            {
                char quote = html[i];
                valueStart = i + 1;
                int q = html.IndexOf(quote, valueStart, close - valueStart);
                valueEnd = q < 0 ? close : q;
                i = valueEnd + 1;
            }
            else
            {
                valueStart = i;
                while (i < close && html[i] != '>' && !char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                valueEnd = i;
            }

            if (TextAttributes.Contains(name.ToString()))
            {
                var value = Decode(html, valueStart, valueEnd, name.ToString().ToLowerInvariant());
                attributes.Add(value);
                if (value.Name == "alt")
                {
                    alt = value.Value;
                }
            }
        }

        return alt;
    }

    static AttributeText Decode(string html, int start, int end, string name)
    {
        var value = new StringBuilder(end - start);
        var starts = new List<int>(end - start);
        var ends = new List<int>(end - start);
        int i = start;
        while (i < end)
        {
            if (html[i] == '&' && TryDecodeEntity(html, i, out string decoded, out int next) && next <= end)
            {
                foreach (char d in decoded)
                {
                    value.Append(d == '\u00A0' ? ' ' : d);
                    starts.Add(i);
                    ends.Add(next);
                }

                i = next;
            }
            else
            {
                value.Append(html[i] is '\r' or '\n' or '\t' ? ' ' : html[i]);
                starts.Add(i);
                ends.Add(i + 1);
                i++;
            }
        }

        return new AttributeText(name, value.ToString(), [.. starts], [.. ends]);
    }
}
