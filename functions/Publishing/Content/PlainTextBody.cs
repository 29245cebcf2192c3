using System.Net;
using System.Text;

namespace Publishing.Content;

/// <summary>
/// The fallback for markup the parser cannot be allowed to build: the body's text with every tag removed,
/// one paragraph per block, so nothing the editor wrote is lost and every word is still checked.
/// </summary>
static class PlainTextBody
{
    static readonly HashSet<string> Breaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre",
    };

    // Code and styles are not article text; their content is skipped up to the closing tag.
    static readonly string[] Skipped = ["script", "style", "template", "textarea", "title", "svg", "math"];

    public static string From(string html)
    {
        var text = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            int open = html.IndexOf('<', i);
            int textEnd = open < 0 ? html.Length : open;
            text.Append(html, i, textEnd - i);
            if (open < 0)
            {
                break;
            }

            int close = html.IndexOf('>', open);
            if (close < 0)
            {
                text.Append(html, open, html.Length - open);
                break;
            }

            var tag = html.AsSpan(open + 1, close - open - 1);
            string name = Name(tag).ToString();
            i = close + 1;
            if (!tag.StartsWith("/") && Array.Find(Skipped, s => name.Equals(s, StringComparison.OrdinalIgnoreCase)) is { } skipped)
            {
                int end = html.IndexOf("</" + skipped, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
            }
            else if (Breaks.Contains(name))
            {
                text.Append('\n');
            }
        }

        var body = new StringBuilder(text.Length + 64);
        foreach (string line in WebUtility.HtmlDecode(text.ToString()).Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                body.Append("<p>").Append(WebUtility.HtmlEncode(line.Trim())).Append("</p>");
            }
        }

        return body.ToString();
    }

    static ReadOnlySpan<char> Name(ReadOnlySpan<char> tag)
    {
        int start = tag.StartsWith("/") ? 1 : 0;
        int end = start;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }

        return tag[start..end];
    }
}
