namespace Publishing.Assets;

/// <summary>The file types an asset may be; decided from the bytes, never from the name or the declared type.</summary>
public enum AssetFormat
{
    Pdf,
    Docx,
    Xlsx,
    Jpeg,
    Png,
    Gif,
}

public static class AssetFormats
{
    public static bool IsImage(this AssetFormat format) => format is AssetFormat.Jpeg or AssetFormat.Png or AssetFormat.Gif;

    public static string MediaType(this AssetFormat format) => format switch
    {
        AssetFormat.Pdf => "application/pdf",
        AssetFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AssetFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AssetFormat.Jpeg => "image/jpeg",
        AssetFormat.Png => "image/png",
        AssetFormat.Gif => "image/gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Extensions (lower case, with the dot) a file of this format may carry.</summary>
    public static IReadOnlyList<string> Extensions(this AssetFormat format) => format switch
    {
        AssetFormat.Pdf => [".pdf"],
        AssetFormat.Docx => [".docx"],
        AssetFormat.Xlsx => [".xlsx"],
        AssetFormat.Jpeg => [".jpg", ".jpeg"],
        AssetFormat.Png => [".png"],
        AssetFormat.Gif => [".gif"],
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The name a reader sees in an attachment list, e.g. "PDF".</summary>
    public static string DisplayName(this AssetFormat format) => format switch
    {
        AssetFormat.Pdf => "PDF",
        AssetFormat.Docx => "Word",
        AssetFormat.Xlsx => "Excel",
        AssetFormat.Jpeg => "JPG",
        AssetFormat.Png => "PNG",
        AssetFormat.Gif => "GIF",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static readonly IReadOnlyList<AssetFormat> All = Enum.GetValues<AssetFormat>();

    public static AssetFormat? FromExtension(string extension) =>
        All.Cast<AssetFormat?>().FirstOrDefault(f => f!.Value.Extensions().Contains(extension.ToLowerInvariant()));
}
