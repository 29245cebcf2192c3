using Publishing.Channels.Website;

namespace Publishing.Host;

/// <summary>Serves the published government website (Blob <c>$web</c>) under <c>/site/</c>, as Azure's static website does.</summary>
static class LocalSite
{
    const string NotFoundPage = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>页面不存在</title><h1>页面不存在</h1><p>该信息可能已撤回或地址有误。</p></html>";

    // Before the first publication $web holds no front page; the README sends people to /site/ on a fresh install.
    const string NothingPublishedPage = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>政府信息公开</title><h1>政府信息公开</h1><p>尚未发布任何信息。稿件经三审通过并发布到网站后将显示在这里。</p></html>";

    public static WebApplication MapLocalSite(this WebApplication app)
    {
        // One route for /site and everything below it: routing ignores a trailing slash, so a separate "/site" route
        // also matched "/site/" and redirected it to itself.
        app.MapGet("/site/{**path}", async (HttpRequest request, string? path, SiteFiles files, CancellationToken cancellationToken) =>
        {
            if (FolderWithoutSlash(request.Path.Value ?? ""))
            {
                // Pages link relative to their folder, so a folder is only served under its slash form.
                return Results.Redirect(request.Path.Value + "/" + request.QueryString.Value);
            }

            if (await files.ReadAsync(path, cancellationToken) is { } file)
            {
                return Results.Bytes(file.Content.ToMemory(), file.ContentType);
            }

            return path is null or "" or "index.html"
                ? Results.Content(NothingPublishedPage, "text/html; charset=utf-8")
                : Results.Content(NotFoundPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });
        return app;
    }

    /// <summary>"/site" or "/site/lists/swj": a folder asked for without its trailing slash.</summary>
    static bool FolderWithoutSlash(string requestPath) =>
        !requestPath.EndsWith('/') && !Path.HasExtension(requestPath[(requestPath.LastIndexOf('/') + 1)..]);
}
