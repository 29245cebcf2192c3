namespace Publishing.Outbound;

/// <summary>What a response's first bytes say it is; the server's Content-Type is not trusted.</summary>
public enum SniffedType
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
    Bmp,
    Pdf,
    /// <summary>ZIP container: .docx, .xlsx, .pptx, .zip.</summary>
    Zip,
    /// <summary>OLE compound file: .doc, .xls, .ppt.</summary>
    OleCompound,
}

public static class ContentSniffer
{
    /// <summary>Bytes <see cref="Sniff"/> needs at most.</summary>
    public const int PrefixLength = 12;

    public static SniffedType Sniff(ReadOnlySpan<byte> prefix) => prefix switch
    {
        [0xFF, 0xD8, 0xFF, ..] => SniffedType.Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => SniffedType.Png,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => SniffedType.Gif,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => SniffedType.WebP,
        [(byte)'B', (byte)'M', ..] when prefix.Length >= 6 => SniffedType.Bmp,
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => SniffedType.Pdf,
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => SniffedType.Zip,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => SniffedType.OleCompound,
        _ => SniffedType.Unknown,
    };

    public static string MediaType(SniffedType type) => type switch
    {
        SniffedType.Jpeg => "image/jpeg",
        SniffedType.Png => "image/png",
        SniffedType.Gif => "image/gif",
        SniffedType.WebP => "image/webp",
        SniffedType.Bmp => "image/bmp",
        SniffedType.Pdf => "application/pdf",
        SniffedType.Zip => "application/zip",
        SniffedType.OleCompound => "application/x-ole-storage",
        _ => "application/octet-stream",
    };

    /// <summary>File extension with the dot, e.g. ".jpg".</summary>
    public static string Extension(SniffedType type) => type switch
    {
        SniffedType.Jpeg => ".jpg",
        SniffedType.Png => ".png",
        SniffedType.Gif => ".gif",
        SniffedType.WebP => ".webp",
        SniffedType.Bmp => ".bmp",
        SniffedType.Pdf => ".pdf",
        SniffedType.Zip => ".zip",
        SniffedType.OleCompound => ".ole",
        _ => ".bin",
    };

    /// <summary>Chinese name for messages, e.g. "JPG".</summary>
    public static string DisplayName(SniffedType type) => type switch
    {
        SniffedType.Jpeg => "JPG",
        SniffedType.Png => "PNG",
        SniffedType.Gif => "GIF",
        SniffedType.WebP => "WebP",
        SniffedType.Bmp => "BMP",
        SniffedType.Pdf => "PDF",
        SniffedType.Zip => "Office/ZIP",
        SniffedType.OleCompound => "旧版 Office",
        _ => "未知格式",
    };
}
