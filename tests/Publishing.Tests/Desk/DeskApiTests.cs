using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Desk;

namespace Publishing.Tests.Desk;

/// <summary>The desk files as both hosts serve them: the library's embedded Vite build.</summary>
public class DeskApiTests
{
    static readonly DeskFiles Files = new();

    static async Task<HttpContext> GetAsync(string path, string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(Files).AddLogging().BuildServiceProvider(),
        };
        var uri = new Uri("http://localhost" + path);
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        if (acceptEncoding is not null) context.Request.Headers.AcceptEncoding = acceptEncoding;
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        context.Response.Body = new MemoryStream();
        string? route = uri.AbsolutePath.StartsWith(DeskApi.BasePath) ? uri.AbsolutePath[DeskApi.BasePath.Length..] : null;
        await DeskApi.Serve(context, route).ExecuteAsync(context);
        return context;
    }

    static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    [Fact]
    public void TheLibraryCarriesTheBuiltDesk() => Assert.True(Files.HasIndex, "desk/dist was not embedded: the npm build did not run");

    [Theory]
    [InlineData("/desk/")]
    [InlineData("/desk/queue")]
    [InlineData("/desk/items/0123456789abcdef0123456789abcdef")]
    public async Task AppRoutes_GetTheIndexPage_RevalidatedAndLockedToTheDesksOrigin(string path)
    {
        var context = await GetAsync(path);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("text/html", context.Response.ContentType);
        Assert.Contains("<div id=\"app\">", Body(context));
        Assert.Equal("no-cache", context.Response.Headers.CacheControl.ToString());
        Assert.Contains("script-src 'self'", context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("frame-ancestors 'none'", context.Response.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task HashedAssets_AreCachedForever_CompressedAndRevalidatedByETag()
    {
        var index = Body(await GetAsync("/desk/"));
        string script = System.Text.RegularExpressions.Regex.Match(index, "/desk/(assets/[^\"]+\\.js)").Groups[1].Value;

        var context = await GetAsync("/desk/" + script, acceptEncoding: "gzip, br");
        var again = await GetAsync("/desk/" + script, ifNoneMatch: context.Response.Headers.ETag);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", context.Response.Headers.CacheControl.ToString());
        Assert.Equal("gzip", context.Response.Headers.ContentEncoding.ToString());
        Assert.StartsWith("text/javascript", context.Response.ContentType);
        Assert.Equal(StatusCodes.Status304NotModified, again.Response.StatusCode);
    }

    [Fact]
    public async Task AMissingFile_Is404InChinese_AndTheBarePathRedirects()
    {
        var missing = await GetAsync("/desk/assets/nothing.js");
        var bare = await GetAsync("/desk");

        Assert.Equal(StatusCodes.Status404NotFound, missing.Response.StatusCode);
        Assert.Contains("页面不存在", Body(missing));
        Assert.Equal(StatusCodes.Status301MovedPermanently, bare.Response.StatusCode);
        Assert.Equal("/desk/", bare.Response.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("/desk/signin?return=/desk/items/abc", "/.auth/login/aad?post_login_redirect_uri=%2Fdesk%2Fitems%2Fabc")]
    // Open-redirect attempts fall back to the desk.
    [InlineData("/desk/signin?return=https://evil.example/", "/.auth/login/aad?post_login_redirect_uri=%2Fdesk%2F")]
    [InlineData("/desk/signin?return=/desk//evil.example", "/.auth/login/aad?post_login_redirect_uri=%2Fdesk%2F")]
    [InlineData("/desk/signout", "/.auth/logout?post_logout_redirect_uri=%2Fdesk%2F")]
    public async Task InAzure_SignInAndOut_GoThroughAppServiceAuthentication(string path, string location)
    {
        var context = await GetAsync(path);

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal(location, context.Response.Headers.Location.ToString());
    }
}
