using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Checks;
using Publishing.Http;
using Publishing.Identity;

namespace Publishing.Assets;

/// <summary><c>POST /api/assets</c> (Editor) and reading assets back (any signed-in role).</summary>
public static class AssetsApi
{
    public const string FileField = "file";

    /// <summary>Room for the multipart boundaries and headers around the file.</summary>
    const long MultipartOverhead = 64 * 1024;

    public static string ContentUrl(string id) => $"/{PublishingApi.RoutePrefix}/assets/{id}/content";

    /// <summary>What <c>POST /api/assets</c> and <c>GET /api/assets/{id}</c> answer.</summary>
    public sealed record AssetView(
        string Id, string FileName, string Format, string ContentType, long Size, string Sha256, string Url,
        AssetTextSummary Text, IReadOnlyList<Finding> Findings, string UploadedBy, DateTimeOffset UploadedAt)
    {
        public static AssetView From(AssetRecord a) =>
            new(a.Id, a.FileName, a.Format.DisplayName(), a.ContentType, a.Size, a.Sha256, a.Url, a.Text, a.Findings, a.UploadedBy, a.UploadedAt);
    }

    // The CancellationToken keeps this from binding as a RequestDelegate, which would drop the returned IResult.
    public static async Task<IResult> UploadAsset(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Editor], out var user, out var denial))
        {
            return denial;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<AssetOptions>>().Value;
        long maxRequest = options.MaxUploadBytes + MultipartOverhead;
        if (!context.Request.HasFormContentType)
        {
            return ApiProblems.BadRequest($"请以 multipart/form-data 方式上传文件，文件字段名为 {FileField}。");
        }

        if (context.Request.ContentLength > maxRequest)
        {
            return TooLarge(options);
        }

        // The server's default body limit (about 28 MB in Kestrel) is below the attachment limit; the form reader enforces ours.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxRequest;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            MultipartBodyLengthLimit = maxRequest,
            ValueCountLimit = 16,
        }));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(options);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ApiProblems.BadRequest($"上传的表单格式有误，无法读取文件。请以 multipart/form-data 方式上传，文件字段名为 {FileField}。");
        }

        if (form.Files.GetFile(FileField) is not { } file)
        {
            return ApiProblems.BadRequest($"请求中没有文件。请在 multipart/form-data 的 {FileField} 字段中上传文件。");
        }

        if (file.Length > options.MaxUploadBytes)
        {
            return TooLarge(options);
        }

        byte[] content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var outcome = await context.RequestServices.GetRequiredService<AssetService>().StoreAsync(user, file.FileName, content, cancellationToken);
        return outcome switch
        {
            AssetService.Stored { Asset: var asset } => TypedResults.Created(asset.Url.Replace("/content", "", StringComparison.Ordinal), AssetView.From(asset)),
            AssetService.Refused { Status: StatusCodes.Status413PayloadTooLarge, Detail: var detail } => ApiProblems.TooLarge(detail),
            AssetService.Refused { Detail: var detail } => ApiProblems.BadRequest(detail),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary><c>GET /api/assets/{id}</c>: the record with its findings.</summary>
    public static async Task<IResult> GetAsset(string id, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out _, out var denial))
        {
            return denial;
        }

        return await context.RequestServices.GetRequiredService<AssetStore>().GetRecordAsync(id, cancellationToken) is { } asset
            ? TypedResults.Ok(AssetView.From(asset))
            : NotFound(id);
    }

    /// <summary><c>GET /api/assets/{id}/content</c>: the bytes exactly as uploaded.</summary>
    public static async Task<IResult> DownloadAsset(string id, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out _, out var denial))
        {
            return denial;
        }

        var store = context.RequestServices.GetRequiredService<AssetStore>();
        if (await store.GetRecordAsync(id, cancellationToken) is not { } asset)
        {
            return NotFound(id);
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // A PDF or an SVG-in-disguise never runs script in our origin.
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "private, max-age=31536000, immutable";
        var stream = await store.OpenContentAsync(asset.Sha256, cancellationToken);
        return TypedResults.Stream(stream, asset.ContentType,
            fileDownloadName: asset.Format.IsImage() ? null : asset.FileName,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{asset.Sha256}\""));
    }

    static IResult NotFound(string id) => ApiProblems.NotFound($"附件或图片 {id} 不存在，请确认编号是否正确或重新上传。");

    static IResult TooLarge(AssetOptions options) => ApiProblems.TooLarge(
        $"文件过大：图片不超过 {options.MaxImageBytes / 1024 / 1024} MB，附件不超过 {options.MaxAttachmentBytes / 1024 / 1024} MB。请压缩或拆分后重新上传。");
}
