using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Publishing.Desk;

/// <summary>
/// <c>GET /desk/{*path}</c>: the 审核台 single-page app, served by both hosts from <see cref="DeskFiles"/>. Paths
/// without a file are the app's own routes and get index.html. In Azure, sign-in and sign-out go to App Service
/// Authentication; the local host maps its own <c>/desk/signin</c> before this route.
/// </summary>
public static class DeskApi
{
    public const string BasePath = "/desk/";

    /// <summary>The route both hosts map (ASP.NET Core and Functions share the catch-all syntax).</summary>
    public const string Route = "desk/{*path}";

    public const string SignInPath = "signin";
    public const string SignOutPath = "signout";

    public static IResult Serve(HttpContext context, string? path)
    {
        var request = context.Request;
        if (string.IsNullOrEmpty(path) && !(request.Path.Value ?? "").EndsWith('/'))
        {
            // "/desk" → "/desk/", so the app's relative asset URLs resolve under /desk/.
            return Results.Redirect(BasePath + request.QueryString, permanent: true);
        }

        path ??= "";
        switch (path)
        {
            case SignInPath:
                // Entra sign-in through App Service Authentication; it sets the session cookie and returns here.
                return Results.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(SafeReturnPath(request.Query["return"])));
            case SignOutPath:
                return Results.Redirect("/.auth/logout?post_logout_redirect_uri=" + Uri.EscapeDataString(BasePath));
        }

        var files = context.RequestServices.GetRequiredService<DeskFiles>();
        if (files.Find(path) is { } file)
        {
            return new DeskFileResult(file, Immutable: path.StartsWith("assets/", StringComparison.Ordinal));
        }

        if (Path.HasExtension(path))
        {
            return DeskPages.NotFound();
        }

        return files.Find(DeskFiles.IndexPath) is { } index
            ? new DeskFileResult(index, Immutable: false)
            : DeskPages.NotBuilt();
    }

    /// <summary>Where to go after signing in: a path of the desk, never another site (no open redirect).</summary>
    public static string SafeReturnPath(string? candidate) =>
        candidate is { Length: > 0 and < 2048 } value && value.StartsWith(BasePath, StringComparison.Ordinal)
        && !value.Contains("//", StringComparison.Ordinal) && !value.Contains('\\') && !value.Any(char.IsControl)
            ? value
            : BasePath;
}
