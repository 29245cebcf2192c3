using System.Text;
using System.Xml;

namespace Publishing.Channels.Website;

/// <summary>Text for sitemap.xml and feed.xml: escaped, and stripped of characters XML 1.0 does not allow at all.</summary>
public static class SiteXml
{
    /// <summary>
    /// Escapes markup characters and drops what no XML parser accepts even escaped: U+0000–U+001F except tab, LF and
    /// CR, U+FFFE, U+FFFF and lone surrogates. A title carrying one of them must not make the whole file unreadable.
    /// </summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            if (!XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
