using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Publishing.Assets;

/// <summary>Text of each PDF page (PdfPig), in reading order; pages with no letters are scans.</summary>
public static class PdfTextReader
{
    public static ExtractedText Read(byte[] content, int maxChars)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content);
        }
        catch (Exception e) when (e is PdfDocumentEncryptedException or PdfDocumentFormatException or InvalidOperationException or ArgumentException)
        {
            throw new UnreadableDocumentException("PDF 文件已损坏或已加密，无法读取其中的文字。请上传未加密的完整 PDF 文件。", e);
        }

        using (document)
        {
            var collector = new SegmentCollector(maxChars);
            var withoutText = new List<int>();
            try
            {
                for (int number = 1; number <= document.NumberOfPages; number++)
                {
                    var page = document.GetPage(number);
                    string text = ContentOrderTextExtractor.GetText(page);
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        withoutText.Add(number);
                        continue;
                    }

                    if (!collector.Add(new TextSegment(text, Page: number)))
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                throw new UnreadableDocumentException("PDF 文件内容已损坏，无法读取其中的文字。请重新导出 PDF 后上传。", e);
            }

            return new ExtractedText(collector.Segments, document.NumberOfPages, withoutText, collector.Truncated);
        }
    }
}
