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
            var body = document.MainDocumentPart?.Document?.Body;
            var collector = new SegmentCollector(maxChars);
            int number = 0;
            foreach (var paragraph in body?.Descendants<Paragraph>() ?? [])
            {
                number++;
                string text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));
                if (!collector.Add(new TextSegment(text, Paragraph: number)))
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
}
