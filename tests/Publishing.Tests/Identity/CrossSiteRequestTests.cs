using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Identity;

namespace Publishing.Tests.Identity;

/// <summary>
/// The gate every handler of both hosts passes (ApiAccess) refuses changes that a browser could send from another
/// site with the Easy Auth session cookie, and lets the desk's own JSON requests and bearer-token calls through.
/// </summary>
public sealed class CrossSiteRequestTests
{
    static readonly IServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<ICurrentUserResolver>(new SignedIn(new CurrentUser("editor1", "王编辑", new HashSet<string> { Roles.Editor })))
        .BuildServiceProvider();

    [Theory]
    // The desk in Azure: same-origin fetch with JSON and the session cookie.
    [InlineData("POST", "application/json", "same-origin", null, true)]
    [InlineData("POST", "application/json; charset=utf-8", null, null, true)]
    [InlineData("PUT", "application/problem+json", "none", null, true)]
    // Uploads.
    [InlineData("POST", "multipart/form-data; boundary=x", "same-origin", null, true)]
    // Reads are never refused.
    [InlineData("GET", null, "cross-site", null, true)]
    // Scripts and the local host: a bearer token cannot be attached by another site.
    [InlineData("POST", "text/plain", "cross-site", "Bearer eyJ", true)]
    // Threat: an HTML form on another site posting with the victim's cookie (no preflight for these types).
    [InlineData("POST", "application/x-www-form-urlencoded", null, null, false)]
    [InlineData("POST", "text/plain", null, null, false)]
    [InlineData("POST", "multipart/form-data; boundary=x", "cross-site", null, false)]
    // Threat: a body-less change (no Content-Type), e.g. an <img>-less fetch with mode no-cors.
    [InlineData("POST", null, null, null, false)]
    [InlineData("DELETE", null, "same-site", null, false)]
    // Threat: JSON from a sibling subdomain or another site (Sec-Fetch-Site tells).
    [InlineData("POST", "application/json", "same-site", null, false)]
    [InlineData("POST", "application/json", "cross-site", null, false)]
    public async Task TryAuthorize_ChangesSignedInByCookie_OnlyFromThisSiteAsJson(
        string method, string? contentType, string? fetchSite, string? authorization, bool allowed)
    {
        var context = new DefaultHttpContext { RequestServices = Services, Response = { Body = new MemoryStream() } };
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        if (fetchSite is not null) context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        if (authorization is not null) context.Request.Headers.Authorization = authorization;

        bool authorized = ApiAccess.TryAuthorize(context, [Roles.Editor], out var user, out var denial);

        Assert.Equal(allowed, authorized);
        if (!allowed)
        {
            Assert.Null(user);
            await denial!.ExecuteAsync(context);
            context.Response.Body.Position = 0;
            var problem = JsonDocument.Parse(context.Response.Body).RootElement;
            Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
            Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public void TryAuthorize_Anonymous_Is401_NotTheCrossSiteRefusal()
    {
        var services = new ServiceCollection().AddSingleton<ICurrentUserResolver>(new SignedIn(null)).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "text/plain";

        Assert.False(ApiAccess.TryAuthorize(context, [Roles.Editor], out _, out var denial));
        Assert.Equal(StatusCodes.Status401Unauthorized, ((IStatusCodeHttpResult)denial!).StatusCode);
    }

    sealed class SignedIn(CurrentUser? user) : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) => user;
    }
}
