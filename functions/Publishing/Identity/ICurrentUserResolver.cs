using Microsoft.AspNetCore.Http;

namespace Publishing.Identity;

/// <summary>
/// Turns a request into the caller's identity. The local host reads the JWT-authenticated principal;
/// the Functions app reads the App Service Authentication (Easy Auth) header.
/// </summary>
public interface ICurrentUserResolver
{
    /// <returns>The caller, or null when the request carries no valid identity.</returns>
    CurrentUser? Resolve(HttpContext context);
}
