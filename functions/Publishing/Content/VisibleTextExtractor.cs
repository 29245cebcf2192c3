using System.Net;
using System.Text;

namespace Publishing.Content;

/// <summary>
/// Turns sanitized HTML into the text a reader sees: block elements become line breaks, table cells tabs,
/// entities are decoded, and every character remembers where it came from in the HTML.
/// </summary>
/// <remarks>
/// A small hand-written scanner rather than a DOM walk, because the DOM does not keep source offsets and the
/// input is the sanitizer's own serialization (well-formed, quoted attributes, no scripts).
/// </remarks>
public static class VisibleTextExtractor
{
    static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
        "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "hr", "figure", "figcaption",
    };

    public static VisibleText Extract(string html)
    {
        var text = new StringBuilder(html.Length);
        var starts = new List<int>(html.Length);
        var ends = new List<int>(html.Length);
        var images = new List<ImageReference>();

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
                int close = FindTagEnd(html, i);
                string tag = html[i..close];
                if (tag.StartsWith("<!--", StringComparison.Ordinal))
                {
                    int commentEnd = html.IndexOf("-->", i, StringComparison.Ordinal);
                    i = commentEnd < 0 ? html.Length : commentEnd + 3;
                    continue;
                }

                string name = TagName(tag);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    Emit('\n', i, close);
                }
                else if (name.Equals("img", StringComparison.OrdinalIgnoreCase))
                {
                    images.Add(new ImageReference(text.Length, i, close - i, AttributeValue(tag, "alt")));
                }
                else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
                {
                    if (tag.StartsWith("</", StringComparison.Ordinal))
                    {
                        Emit('\t', i, i);
                    }
                }
                else if (BlockTags.Contains(name))
                {
                    Break('\n', i);
                }

                i = close;
            }
            else if (c == '&')
            {
                int semi = html.IndexOf(';', i);
                if (semi > i && semi - i <= 32)
                {
                    string decoded = WebUtility.HtmlDecode(html[i..(semi + 1)]);
                    if (decoded.Length == 1 || (decoded.Length == 2 && char.IsSurrogatePair(decoded[0], decoded[1])))
                    {
                        foreach (char d in decoded)
                        {
                            Emit(d == '\u00A0' ? ' ' : d, i, semi + 1);
                        }

                        i = semi + 1;
                        continue;
                    }
                }

                Emit(c, i, i + 1);
                i++;
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

        return new VisibleText(text.ToString(), [.. starts], [.. ends], images);
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

    static string TagName(string tag)
    {
        int start = tag.StartsWith("</", StringComparison.Ordinal) ? 2 : 1;
        int end = start;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }

        return tag[start..end];
    }

    static string? AttributeValue(string tag, string attribute)
    {
        string marker = " " + attribute + "=\"";
        int at = tag.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        int from = at + marker.Length;
        int to = tag.IndexOf('"', from);
        return to < 0 ? null : WebUtility.HtmlDecode(tag[from..to]);
    }
}
