namespace Publishing.Host;

/// <summary>
/// Responses the framework produces without a handler (no such route, wrong method, wrong content type) still get a
/// ProblemDetails body a person can act on.
/// </summary>
static class LocalStatusPages
{
    public static WebApplication UseProblemStatusPages(this WebApplication app)
    {
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            string? detail = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "请求的地址不存在，请检查 URL（接口均以 /api/ 开头）。",
                StatusCodes.Status405MethodNotAllowed => "该地址不支持此 HTTP 方法，请查阅 /api/openapi.json。",
                StatusCodes.Status415UnsupportedMediaType => "请求体格式不受支持，请使用 Content-Type: application/json。",
                _ => null,
            };
            if (detail is not null)
            {
                await Results.Problem(detail: detail, statusCode: http.Response.StatusCode).ExecuteAsync(http);
            }
        });
        return app;
    }
}
