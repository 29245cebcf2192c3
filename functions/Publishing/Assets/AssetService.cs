using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Identity;

namespace Publishing.Assets;

/// <summary>Accepts a file: checks its type and size, extracts and checks its text, stores it immutably.</summary>
public sealed partial class AssetService(
    AssetStore store, AttachmentChecker checker, IOptions<AssetOptions> options, TimeProvider time, ILogger<AssetService> logger)
{
    public const int MaxFileNameLength = 200;

    public abstract record Outcome;
    public sealed record Stored(AssetRecord Asset) : Outcome;
    /// <param name="Status">400 for a wrong or unreadable file, 413 for one over its size limit.</param>
    public sealed record Refused(int Status, string Detail) : Outcome;

    AssetOptions Options => options.Value;

    public async Task<Outcome> StoreAsync(CurrentUser user, string? fileName, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(content);
        string name = CleanFileName(fileName);
        if (name.Length == 0)
        {
            return new Refused(400, "上传的文件没有文件名，请选择带扩展名的文件（如 名单.pdf）后重新上传。");
        }

        if (content.Length == 0)
        {
            return new Refused(400, $"“{name}”是空文件，请确认文件内容后重新上传。");
        }

        if (content.Length > Options.MaxUploadBytes)
        {
            return new Refused(413, $"“{name}”超过大小上限：图片不超过 {Mb(Options.MaxImageBytes)}，附件不超过 {Mb(Options.MaxAttachmentBytes)}。请压缩或拆分后重新上传。");
        }

        var detected = AssetTypeDetector.Detect(name, content);
        if (detected is AssetTypeDetector.Refused refused)
        {
            return new Refused(400, refused.Detail);
        }

        var format = ((AssetTypeDetector.Detected)detected).Format;
        long limit = format.IsImage() ? Options.MaxImageBytes : Options.MaxAttachmentBytes;
        if (content.Length > limit)
        {
            string what = format.IsImage() ? "图片" : "附件";
            return new Refused(413, $"“{name}”大小为 {Mb(content.Length)}，超过{what}上限 {Mb(limit)}。请压缩或拆分后重新上传。");
        }

        ExtractedText text;
        try
        {
            text = format switch
            {
                AssetFormat.Pdf => PdfTextReader.Read(content, Options.MaxTextChars),
                AssetFormat.Docx => WordTextReader.Read(content, Options.MaxTextChars),
                AssetFormat.Xlsx => SheetTextReader.Read(content, Options.MaxTextChars),
                _ => ExtractedText.None,
            };
        }
        catch (UnreadableDocumentException e)
        {
            LogUnreadable(logger, e, format);
            return new Refused(400, $"“{name}”：{e.Message}");
        }

        string sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        string id = IdFor(user.Id, name, sha256);
        var findings = checker.Check(id, name, text);
        var asset = new AssetRecord(id, name, format, format.MediaType(), content.Length, sha256, user.Id, time.GetUtcNow(),
            new AssetTextSummary(text.Chars, text.Pages), findings);
        // Bytes first, record second: a record never points at missing bytes.
        await store.SaveContentAsync(sha256, asset.ContentType, content, cancellationToken);
        asset = await store.SaveRecordAsync(asset, cancellationToken);
        LogStored(logger, id, format, content.Length, findings.Count);
        return new Stored(asset);
    }

    /// <summary>
    /// The same person storing the same bytes under the same name gets the same asset: a retried upload or a
    /// resubmitted body with the same external image leaves no second copy and the same <c>src</c>.
    /// </summary>
    static string IdFor(string userId, string fileName, string sha256) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{userId}\n{fileName}\n{sha256}")))[..32];

    /// <summary>The last path segment, without control characters, at most <see cref="MaxFileNameLength"/> characters.</summary>
    public static string CleanFileName(string? fileName)
    {
        string name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>')).ToArray()).Trim();
        if (name.Length > MaxFileNameLength)
        {
            string extension = Path.GetExtension(name);
            name = name[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return name;
    }

    static string Mb(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Asset {AssetId} stored: {Format}, {Size} bytes, {Findings} findings")]
    private static partial void LogStored(ILogger logger, string assetId, AssetFormat format, long size, int findings);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Uploaded {Format} could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, AssetFormat format);
}
