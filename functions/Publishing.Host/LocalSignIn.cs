using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Publishing.Desk;
using Publishing.Host.Identity;
using Publishing.Identity;

namespace Publishing.Host;

/// <summary>
/// The desk's local sign-in page at <c>/desk/signin</c>: lists the sample users of <c>Publishing:Users</c> and signs in
/// as one. It exists only here, and only while local JWT sign-in is configured; the Functions app has none (there
/// <c>/desk/signin</c> goes to App Service Authentication).
/// </summary>
/// <remarks>
/// The token travels to the desk in the URL fragment (never sent to a server, never logged) and the desk keeps it in
/// sessionStorage and sends it as a bearer header. So the JWT handler needs no cookie, there is no cookie for a
/// cross-site request to ride on (no CSRF), and each browser tab can be a different sample user.
/// </remarks>
static class LocalSignIn
{
    const string Path = "/" + "desk/" + DeskApi.SignInPath;

    public static WebApplication MapLocalSignIn(this WebApplication app)
    {
        if (app.Services.GetService<LocalAuthOptions>() is null)
        {
            return app;
        }

        app.MapGet(Path, (HttpContext context, IConfiguration configuration) =>
            Page(LocalUsers.Read(configuration), DeskApi.SafeReturnPath(context.Request.Query["return"]), null))
            .ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/desk/" + DeskApi.SignOutPath, () => Results.Redirect(Path, preserveMethod: false))
            .ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> SignInAsync(HttpContext context, IConfiguration configuration, LocalAuthOptions options)
    {
        var users = LocalUsers.Read(configuration);
        // Sample users have no password: only a person at this machine may use them, and only from this page's origin.
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return Page(users, DeskApi.BasePath, "只能在运行本服务的电脑上登录示例用户。", StatusCodes.Status403Forbidden);
        }

        string? origin = context.Request.Headers.Origin;
        if (origin is not null && origin != $"{context.Request.Scheme}://{context.Request.Host}")
        {
            return Page(users, DeskApi.BasePath, "登录请求来自其他网站，已拒绝。请直接打开本页面登录。", StatusCodes.Status403Forbidden);
        }

        if (!context.Request.HasFormContentType)
        {
            return Page(users, DeskApi.BasePath, "请在本页面选择一位用户登录。", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string returnPath = DeskApi.SafeReturnPath(form["return"]);
        if (users.FirstOrDefault(u => u.Id == form["user"]) is not { } user)
        {
            return Page(users, returnPath, "没有这位用户，请从列表中选择。", StatusCodes.Status400BadRequest);
        }

        string token = LocalTokenIssuer.Issue(user, options);
        return Results.Redirect(returnPath + "#token=" + Uri.EscapeDataString(token));
    }

    static IResult Page(IReadOnlyList<LocalUser> users, string returnPath, string? error, int status = StatusCodes.Status200OK)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>本地登录 · 政务公开审核台</title><style>
            body{font:18px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f3f5f8;color:#1a1a1a}
            main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c9d1dc;border-radius:8px}
            h1{font-size:1.5rem;margin:0 0 .5rem;color:#0b3d91}ul{list-style:none;padding:0;margin:1rem 0}li{margin:.5rem 0}
            button{width:100%;text-align:left;font:inherit;padding:.75rem 1rem;border:1px solid #0b3d91;border-radius:6px;background:#fff;color:#0b3d91;cursor:pointer}
            button:hover{background:#e8eefb}button:focus-visible{outline:3px solid #b45309;outline-offset:2px}
            .roles{color:#374151;font-size:.95rem}.error{color:#9b1c1c;background:#fdecec;padding:.5rem .75rem;border-radius:4px}
            .note{color:#374151;font-size:.95rem}</style></head><body><main>
            <h1>政务公开审核台 · 本地登录</h1>
            <p class="note">此页面只在本地运行时提供，用于以示例用户身份试用审核台；正式环境通过统一身份认证（Microsoft Entra ID）登录。</p>
            """);
        if (error is not null)
        {
            page.Append("<p class=\"error\" role=\"alert\">").Append(html.Encode(error)).Append("</p>");
        }

        page.Append("<form method=\"post\" action=\"").Append(Path).Append("\"><input type=\"hidden\" name=\"return\" value=\"")
            .Append(html.Encode(returnPath)).Append("\"><fieldset style=\"border:0;padding:0\"><legend>请选择登录用户：</legend><ul>");
        foreach (var user in users)
        {
            string roles = string.Join("、", user.Roles.Select(Roles.DisplayName));
            page.Append("<li><button type=\"submit\" name=\"user\" value=\"").Append(html.Encode(user.Id)).Append("\">")
                .Append(html.Encode(user.Name)).Append("（").Append(html.Encode(user.Id)).Append("）<br><span class=\"roles\">")
                .Append(html.Encode(roles)).Append("</span></button></li>");
        }

        page.Append("</ul></fieldset></form></main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
