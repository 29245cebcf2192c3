using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Desk;
using Publishing.Functions.Http;
using Publishing.Functions.Tests.Infra;

namespace Publishing.Functions.Tests.Http;

/// <summary>The Functions app serves the same desk files as the local host, at /desk/ beside /api.</summary>
public sealed class DeskFunctionTests
{
    static readonly IServiceProvider Services = new ServiceCollection().AddSingleton<DeskFiles>().AddLogging().BuildServiceProvider();

    static async Task<HttpContext> ServeAsync(string path)
    {
        var context = new DefaultHttpContext { RequestServices = Services, Response = { Body = new MemoryStream() } };
        context.Request.Path = path;
        string? routeValue = path.StartsWith(DeskApi.BasePath, StringComparison.Ordinal) ? path[DeskApi.BasePath.Length..] : null;

        var result = DeskFunction.Serve(context.Request, routeValue);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return context;
    }

    static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    [Fact]
    public async Task Serve_AnAppRoute_ReturnsTheDesksIndexPage()
    {
        var context = await ServeAsync("/desk/queue");

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("text/html", context.Response.ContentType);
        Assert.Contains("<div id=\"app\">", Body(context));
        Assert.Contains("script-src 'self'", context.Response.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task Serve_TheBuiltScript_WithTheSameBytesTheLocalHostServes()
    {
        string index = Body(await ServeAsync("/desk/"));
        string script = System.Text.RegularExpressions.Regex.Match(index, "/desk/(assets/[^\"]+\\.js)").Groups[1].Value;

        var context = await ServeAsync("/desk/" + script);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", context.Response.Headers.CacheControl.ToString());
        Assert.Equal(new DeskFiles().Find(script)!.ETag, context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Serve_SignIn_GoesToAppServiceAuthentication_ThereIsNoLocalSignInPage()
    {
        var context = await ServeAsync("/desk/signin");

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.StartsWith("/.auth/login/aad?post_login_redirect_uri=", context.Response.Headers.Location.ToString());
        Assert.DoesNotContain("editor1", Body(context));
    }

    [Fact]
    public void HostJson_HasNoRoutePrefix_SoTheDeskAndTheApiShareTheOrigin()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")))!;

        Assert.Equal("", (string?)hostJson["extensions"]!["http"]!["routePrefix"]);
    }
}
