using System.IO.Compression;
using Publishing.Outbound;

namespace Publishing.Assets;

/// <summary>
/// Decides an upload's format from its bytes and checks that its extension agrees, so an executable renamed .pdf
/// or a spreadsheet renamed .docx is refused. Old binary Office and WPS files are refused with the way out.
/// </summary>
public static class AssetTypeDetector
{
    public abstract record Result;
    public sealed record Detected(AssetFormat Format) : Result;
    public sealed record Refused(string Detail) : Result;

    static readonly HashSet<string> LegacyOffice = [".doc", ".xls", ".wps", ".et", ".dps", ".ppt"];

    public static Result Detect(string fileName, ReadOnlySpan<byte> content)
    {
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        var sniffed = ContentSniffer.Sniff(content[..Math.Min(content.Length, ContentSniffer.PrefixLength)]);
        if (sniffed == SniffedType.OleCompound || LegacyOffice.Contains(extension))
        {
            return new Refused($"“{fileName}”是旧版 Office 或 WPS 格式（.doc/.xls/.wps），无法自动检查其内容。请用 Word、Excel 或 WPS 打开后“另存为” DOCX 或 XLSX 格式再上传。");
        }

        AssetFormat? actual = sniffed switch
        {
            SniffedType.Pdf => AssetFormat.Pdf,
            SniffedType.Jpeg => AssetFormat.Jpeg,
            SniffedType.Png => AssetFormat.Png,
            SniffedType.Gif => AssetFormat.Gif,
            SniffedType.Zip => OfficeFormat(content),
            _ => null,
        };
        string allowed = "PDF、DOCX、XLSX、JPG、PNG、GIF";
        if (actual is not { } format)
        {
            return new Refused($"“{fileName}”的内容不是可接受的文件格式（{allowed}）。请上传这些格式的文件；可执行程序、压缩包等不能作为附件。");
        }

        if (!format.Extensions().Contains(extension))
        {
            return new Refused($"“{fileName}”的扩展名与文件内容不符：内容是 {format.DisplayName()} 文件（应为 {string.Join(" 或 ", format.Extensions())}）。请确认文件无误并使用正确的扩展名后重新上传。");
        }

        return new Detected(format);
    }

    /// <summary>A ZIP is DOCX or XLSX only when it carries the main part of one; anything else is a plain archive.</summary>
    static AssetFormat? OfficeFormat(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            bool hasTypes = zip.GetEntry("[Content_Types].xml") is not null;
            if (hasTypes && zip.GetEntry("word/document.xml") is not null)
            {
                return AssetFormat.Docx;
            }

            if (hasTypes && zip.GetEntry("xl/workbook.xml") is not null)
            {
                return AssetFormat.Xlsx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
