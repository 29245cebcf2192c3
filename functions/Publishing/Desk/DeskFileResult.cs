using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Publishing.Desk;

/// <summary>Writes one desk file with caching, compression and the headers that keep the desk same-origin only.</summary>
public sealed record DeskFileResult(DeskFile File, bool Immutable) : IResult
{
    /// <summary>
    /// Scripts only from the desk itself; inline styles are allowed because article HTML carries style attributes
    /// (text-align) that the sanitizer keeps. Images may come from the web (articles link them) or be pasted.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: http: data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers[HeaderNames.ETag] = File.ETag;
        // Hashed assets never change; index.html must be revalidated so a deployment takes effect at once.
        headers[HeaderNames.CacheControl] = Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers[HeaderNames.Vary] = HeaderNames.AcceptEncoding;

        if (context.Request.Headers.IfNoneMatch.Contains(File.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        byte[] body = File.Content;
        if (File.Gzipped is { } gzipped && AcceptsGzip(context.Request))
        {
            headers[HeaderNames.ContentEncoding] = "gzip";
            body = gzipped;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = File.ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(value => value is not null && value.Contains("gzip", StringComparison.OrdinalIgnoreCase));
}
