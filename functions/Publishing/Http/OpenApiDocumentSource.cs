using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Publishing.Http;

/// <summary>
/// The OpenAPI document of <see cref="PublishingApi.MapPublishingApi"/>, generated from its endpoint metadata.
/// The Functions app has no endpoint routing, so both hosts use this one source: it maps the API on a
/// throwaway in-memory <see cref="WebApplication"/> (whose server never listens) and asks the OpenAPI generator for the
/// document once per process.
/// </summary>
public sealed class OpenApiDocumentSource
{
    public const string DocumentName = "v1";

    public static OpenApiDocumentSource Default { get; } = new();

    readonly Lazy<Task<string>> _json = new(GenerateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The document as OpenAPI 3.1 JSON.</summary>
    public Task<string> GetJsonAsync() => _json.Value;

    static async Task<string> GenerateAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(PublishingApi).Assembly.GetName().Name });
        builder.Services.AddRouting();
        builder.Services.AddSingleton<IServer, NoServer>();
        // Only so parameter binding classifies the handlers' DurableTaskClient as a service, as in the real
        // hosts (otherwise it would be documented as the request body); never resolved here.
        builder.Services.AddSingleton<DurableTaskClient>(_ =>
            throw new InvalidOperationException("The OpenAPI document source has no durable client."));
        builder.Services.AddOpenApi(DocumentName, OpenApiSecurity.Configure);

        await using var app = builder.Build();
        app.MapPublishingApi();
        // Mapped endpoints reach the API explorer only once the pipeline is built, i.e. on start.
        await app.StartAsync();

        var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var document = await provider.GetOpenApiDocumentAsync();
        using var stream = new MemoryStream();
        await document.SerializeAsync(stream, OpenApiSpecVersion.OpenApi3_1, OpenApiConstants.Json, CancellationToken.None);
        await app.StopAsync();
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A server that never listens: starting the app only builds its pipeline and endpoints.</summary>
    sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
