namespace Publishing.Assets;

/// <summary>Configuration section <c>Publishing:Assets</c>.</summary>
public sealed class AssetOptions
{
    public const string Section = "Publishing:Assets";

    public string ContainerName { get; set; } = "assets";

    /// <summary>Largest JPG/PNG/GIF accepted.</summary>
    public long MaxImageBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Largest PDF/DOCX/XLSX accepted.</summary>
    public long MaxAttachmentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Text beyond this many characters is not extracted; a block finding then says the file was not fully checked.</summary>
    public int MaxTextChars { get; set; } = 2_000_000;

    public long MaxUploadBytes => Math.Max(MaxImageBytes, MaxAttachmentBytes);
}
