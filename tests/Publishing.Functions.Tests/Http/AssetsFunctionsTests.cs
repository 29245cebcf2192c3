using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Assets;
using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Functions.Http;
using Publishing.Identity;

namespace Publishing.Functions.Tests.Http;

/// <summary>The asset triggers hand the request to the library handlers and return their answers unchanged.</summary>
public sealed class AssetsFunctionsTests
{
    static readonly CurrentUser Editor = new("editor1", "王编辑", new HashSet<string> { Roles.Editor });

    static IServiceProvider Services(CurrentUser? user) => new ServiceCollection()
        .AddLogging()
        .AddSingleton(TimeProvider.System)
        // Never contacted: every request below is answered before storage is needed.
        .AddSingleton(new BlobServiceClient("UseDevelopmentStorage=true"))
        .AddSingleton(Options.Create(new AssetOptions()))
        .AddSingleton(new CheckPipeline(new ArticleSanitizer(), RuleSetLoader.Load(Path.Combine(AppContext.BaseDirectory, "Checks", "Rules"))))
        .AddSingleton<AssetStore>()
        .AddSingleton<AttachmentChecker>()
        .AddSingleton<AssetService>()
        .AddSingleton<ICurrentUserResolver>(new FixedUser(user))
        .BuildServiceProvider();

    static async Task<(int Status, JsonElement Body)> ExecuteAsync(HttpContext context, IActionResult result)
    {
        context.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement.Clone());
    }

    static HttpRequest Multipart(IServiceProvider services, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), AssetsApi.FileField, fileName } };
        var body = new MemoryStream();
        form.CopyTo(body, null, default);
        body.Position = 0;
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        context.Request.Body = body;
        return context.Request;
    }

    [Fact]
    public async Task Upload_AnExecutableNamedPdf_Is400WithTheLibraryMessage()
    {
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, .. new byte[200]];
        var request = Multipart(Services(Editor), "名单.pdf", exe);

        var (status, body) = await ExecuteAsync(request.HttpContext, await AssetsFunctions.Upload(request));

        Assert.Equal(400, status);
        Assert.Contains("不是可接受的文件格式", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_WithoutIdentity_Is401()
    {
        var request = Multipart(Services(null), "a.png", [0x89, (byte)'P', (byte)'N', (byte)'G']);

        var (status, _) = await ExecuteAsync(request.HttpContext, await AssetsFunctions.Upload(request));

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task GetAndDownload_AMalformedId_Are404()
    {
        var context = new DefaultHttpContext { RequestServices = Services(Editor) };

        Assert.Equal(404, (await ExecuteAsync(context, await AssetsFunctions.Get(context.Request, "../x"))).Status);
        Assert.Equal(404, (await ExecuteAsync(context, await AssetsFunctions.Download(context.Request, "../x"))).Status);
    }

    sealed class FixedUser(CurrentUser? user) : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) => user;
    }
}
