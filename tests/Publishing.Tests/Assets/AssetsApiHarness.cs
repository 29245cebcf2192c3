using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Assets;
using Publishing.Checks;
using Publishing.Identity;
using Publishing.Testing;
using Publishing.Tests.Checks;

namespace Publishing.Tests.Assets;

/// <summary>The asset handlers on Blob storage in Azurite (a container per harness), called as the hosts call them.</summary>
public sealed class AssetsApiHarness
{
    public static readonly CurrentUser Editor = new("editor1", "王编辑", new HashSet<string> { Roles.Editor });
    public static readonly CurrentUser Reviewer = new("reviewer1", "李初审", new HashSet<string> { Roles.InitialReviewer });

    readonly IServiceProvider services;

    public AssetsApiHarness(Action<AssetOptions>? configure = null)
    {
        var options = new AssetOptions { ContainerName = TestStorage.UniqueName("assets") };
        configure?.Invoke(options);
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new BlobServiceClient(TestStorage.ConnectionString))
            .AddSingleton(Options.Create(options))
            .AddSingleton<CheckPipeline>(_ => CheckRunner.Pipeline)
            .AddSingleton<AssetStore>()
            .AddSingleton<AttachmentChecker>()
            .AddSingleton<AssetService>()
            .AddScoped<UserHolder>()
            .AddScoped<ICurrentUserResolver>(sp => sp.GetRequiredService<UserHolder>())
            .BuildServiceProvider();
    }

    public IServiceProvider Services => services;

    public sealed record Response(int Status, JsonElement Json, byte[] Body, IHeaderDictionary Headers);

    /// <param name="anonymous">Send no identity at all.</param>
    public Task<Response> UploadAsync(string fileName, byte[] content, CurrentUser? user = null, bool anonymous = false) =>
        CallAsync(anonymous ? null : user ?? Editor, context =>
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, AssetsApi.FileField, fileName);
            var body = new MemoryStream();
            form.CopyTo(body, null, default);
            body.Position = 0;
            context.Request.Method = "POST";
            context.Request.ContentType = form.Headers.ContentType!.ToString();
            context.Request.ContentLength = body.Length;
            context.Request.Body = body;
            return AssetsApi.UploadAsset(context, default);
        });

    public Task<Response> GetAsync(string id, CurrentUser? user = null) => CallAsync(user ?? Reviewer, c => AssetsApi.GetAsset(id, c, default));

    public Task<Response> DownloadAsync(string id, CurrentUser? user = null) => CallAsync(user ?? Reviewer, c => AssetsApi.DownloadAsset(id, c, default));

    async Task<Response> CallAsync(CurrentUser? user, Func<HttpContext, Task<IResult>> handler)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserHolder>().User = user;
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        var result = await handler(context);
        await result.ExecuteAsync(context);
        byte[] body = ((MemoryStream)context.Response.Body).ToArray();
        JsonElement json = default;
        if (context.Response.ContentType?.Contains("json", StringComparison.Ordinal) == true)
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }

        return new Response(context.Response.StatusCode, json, body, context.Response.Headers);
    }

    sealed class UserHolder : ICurrentUserResolver
    {
        public CurrentUser? User { get; set; }

        public CurrentUser? Resolve(HttpContext context) => User;
    }
}
