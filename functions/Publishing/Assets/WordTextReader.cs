using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Publishing.Assets;

/// <summary>Text of each DOCX paragraph, tables included, numbered in document order.</summary>
public static class WordTextReader
{
    public static ExtractedText Read(byte[] content, int maxChars)
    {
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            var main = document.MainDocumentPart;
            var collector = new SegmentCollector(maxChars);
            // A 密级 mark or a contact's number is as public in a header, footnote or comment as in the body.
            var parts = new List<(string? Part, OpenXmlPartRootElement? Root)> { (null, main?.Document) };
            parts.AddRange((main?.HeaderParts ?? []).Select(h => ((string?)"页眉", (OpenXmlPartRootElement?)h.Header)));
            parts.AddRange((main?.FooterParts ?? []).Select(f => ((string?)"页脚", (OpenXmlPartRootElement?)f.Footer)));
            parts.Add(("脚注", main?.FootnotesPart?.Footnotes));
            parts.Add(("尾注", main?.EndnotesPart?.Endnotes));
            parts.Add(("批注", main?.WordprocessingCommentsPart?.Comments));
            foreach (var (part, root) in parts)
            {
                if (!AddParagraphs(collector, root, part))
                {
                    break;
                }
            }

            return new ExtractedText(collector.Segments, null, [], collector.Truncated);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw new UnreadableDocumentException("Word 文件已损坏或已加密，无法读取其中的文字。请用 Word 或 WPS 打开后重新另存为 DOCX 再上传。", e);
        }
    }

    /// <summary>Adds the paragraphs of one part, numbered within it; false once the text limit is reached.</summary>
    static bool AddParagraphs(SegmentCollector collector, OpenXmlPartRootElement? root, string? part)
    {
        int number = 0;
        foreach (var paragraph in root?.Descendants<Paragraph>() ?? [])
        {
            number++;
            string text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));
            if (!collector.Add(new TextSegment(text, Paragraph: number, Part: part)))
            {
                return false;
            }
        }

        return true;
    }
}
