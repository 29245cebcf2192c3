using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Publishing.Assets;

/// <summary>Text of each non-empty XLSX cell, sheet by sheet, with its sheet name and reference (B3).</summary>
public static class SheetTextReader
{
    public static ExtractedText Read(byte[] content, int maxChars)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            var workbook = document.WorkbookPart;
            var shared = workbook?.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var collector = new SegmentCollector(maxChars);
            foreach (var sheet in workbook?.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } relationship || workbook!.GetPartById(relationship) is not WorksheetPart part)
                {
                    continue;
                }

                string name = sheet.Name?.Value ?? "";
                foreach (var cell in part.Worksheet?.Descendants<Cell>() ?? [])
                {
                    if (!collector.Add(new TextSegment(CellText(cell, shared), Sheet: name, Cell: cell.CellReference?.Value)))
                    {
                        return new ExtractedText(collector.Segments, null, [], true);
                    }
                }
            }

            return new ExtractedText(collector.Segments, null, [], collector.Truncated);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw new UnreadableDocumentException("Excel 文件已损坏或已加密，无法读取其中的文字。请用 Excel 或 WPS 打开后重新另存为 XLSX 再上传。", e);
        }
    }

    static string CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        string raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < shared.Length ? shared[index] : "";
        }

        // A mobile or ID number typed as a number may be stored as 1.3812345678E10: check the digits a reader sees.
        return raw.Contains('E', StringComparison.OrdinalIgnoreCase)
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) && number == decimal.Truncate(number)
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : raw;
    }
}
