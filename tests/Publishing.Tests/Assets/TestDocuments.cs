using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Publishing.Tests.Assets;

/// <summary>Real files built in the test, so every byte of them can be read here (no checked-in binaries).</summary>
public static class TestDocuments
{
    public const string IdNumber = "11010519491231002X";
    public const string Mobile = "13800138000";

    /// <summary>A two-page PDF; page 2 lists a person with an unmasked ID number.</summary>
    public static byte[] PdfWithIdNumberOnPage2()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Subsidy recipients 2025, see the list on the next page.", 12, new PdfPoint(50, 750), font);
        var second = builder.AddPage(PageSize.A4);
        second.AddText("No. 1  Zhang San", 12, new PdfPoint(50, 750), font);
        second.AddText("ID " + IdNumber, 12, new PdfPoint(50, 730), font);
        return builder.Build();
    }

    /// <summary>A PDF whose only page is a picture, as a scanner makes it: no text layer.</summary>
    public static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddJpeg(Jpeg(400, 300), new PdfRectangle(50, 300, 450, 600));
        return builder.Build();
    }

    /// <summary>A DOCX whose 秘密★ stamp sits in a table cell (the third paragraph of the document).</summary>
    public static byte[] DocxWithSecretStampInTable()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(
                Paragraph("关于公布2025年度补贴名单的通知"),
                Paragraph("各县区商务主管部门："),
                new W.Table(new W.TableRow(
                    new W.TableCell(Paragraph("秘密★1年")),
                    new W.TableCell(Paragraph("临沂市商务局"))))));
        }

        return stream.ToArray();
    }

    /// <summary>A DOCX with a clean body whose page header carries the 机密★ mark, as Word templates often place it.</summary>
    public static byte[] DocxWithSecretMarkInHeader()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(Paragraph("机密★5年"));
            main.Document = new W.Document(new W.Body(
                Paragraph("关于做好2025年度统计工作的通知"),
                Paragraph("各县区统计局：现将有关事项通知如下。"),
                new W.SectionProperties(new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) })));
        }

        return stream.ToArray();
    }

    /// <summary>An XLSX with names in column A and mobile numbers (typed as numbers) in column B of sheet 名单.</summary>
    public static byte[] XlsxWithMobilesInColumnB()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new X.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new X.SheetData(
                Row(1, TextCell("A1", "姓名"), TextCell("B1", "联系电话")),
                Row(2, TextCell("A2", "张三"), NumberCell("B2", Mobile)),
                Row(3, TextCell("A3", "李四"), NumberCell("B3", "13912345678")));
            sheet.Worksheet = new X.Worksheet(data);
            workbook.Workbook.AppendChild(new X.Sheets(new X.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "名单" }));
        }

        return stream.ToArray();
    }

    /// <summary>The first bytes of a Windows executable.</summary>
    public static byte[] Executable() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, .. new byte[500]];

    /// <summary>An OLE compound file header, as .doc/.xls/.wps files start.</summary>
    public static byte[] LegacyOffice() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[500]];

    public static byte[] Jpeg(int width, int height) => Encode(width, height, (image, stream) => image.SaveAsJpeg(stream));

    public static byte[] Png(int width, int height) => Encode(width, height, (image, stream) => image.SaveAsPng(stream));

    /// <summary>A PNG of random-looking pixels: it does not compress, so its size is about width × height × 3 bytes.</summary>
    public static byte[] NoisyPng(int width, int height)
    {
        var random = new Random(14);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (int x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    static byte[] Encode(int width, int height, Action<Image<Rgb24>, Stream> save)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 180, 90));
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }

    static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text)));

    static X.Row Row(uint index, params X.Cell[] cells) => new(cells) { RowIndex = index };

    static X.Cell TextCell(string reference, string text) =>
        new() { CellReference = reference, DataType = X.CellValues.InlineString, InlineString = new X.InlineString(new X.Text(text)) };

    static X.Cell NumberCell(string reference, string number) =>
        new() { CellReference = reference, DataType = X.CellValues.Number, CellValue = new X.CellValue(number) };
}
