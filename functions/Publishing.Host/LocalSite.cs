using Publishing.Channels.Website;

namespace Publishing.Host;

/// <summary>Serves the published government website (Blob <c>$web</c>) under <c>/site/</c>, as Azure's static website does.</summary>
static class LocalSite
{
    public static WebApplication MapLocalSite(this WebApplication app)
    {
        app.MapGet("/site", () => Results.Redirect("/site/"));
        app.MapGet("/site/{**path}", async (string? path, SiteFiles files, CancellationToken cancellationToken) =>
            await files.ReadAsync(path, cancellationToken) is { } file
                ? Results.Bytes(file.Content.ToMemory(), file.ContentType)
                : Results.Content("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>页面不存在</title><h1>页面不存在</h1><p>该信息可能已撤回或地址有误。</p></html>",
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
        return app;
    }
}
