using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;

namespace Publishing.Functions.Tests.OpenApi;

/// <summary>The OpenAPI document both hosts serve at <c>GET /api/openapi.json</c>.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Document_ListsEveryRouteAndMethodOfTheApi()
    {
        var document = await DocumentAsync();

        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order()
            .ToList();
        Assert.Equal(MappedRoutes(), documented);
    }

    [Fact]
    public async Task Document_RequiresABearerTokenForEveryOperation()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]![OpenApiSecurity.BearerScheme]!;
        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
        var requirement = Assert.Single(document["security"]!.AsArray())!.AsObject();
        Assert.Equal(OpenApiSecurity.BearerScheme, Assert.Single(requirement).Key);
    }

    [Fact]
    public async Task Document_DescribesTheSubmitRequestAndTheItemResponse()
    {
        var document = await DocumentAsync();

        var submit = document["paths"]!["/api/items"]!["post"]!;
        var request = Schema(document, submit["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.Subset(Properties(request), new HashSet<string> { "kind", "title", "bodyHtml", "metadata", "channels" });
        Assert.NotNull(submit["responses"]!["202"]);
        Assert.NotNull(submit["responses"]!["400"]);

        var get = document["paths"]!["/api/items/{id}"]!["get"]!;
        var item = Schema(document, get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Subset(Properties(item), new HashSet<string> { "id", "title", "status", "stage", "metadata", "findings", "reviews" });
        Assert.Equal("application/problem+json", Assert.Single(get["responses"]!["404"]!["content"]!.AsObject()).Key);
    }

    [Fact]
    public async Task Document_NamesOperationsLikeTheFunctions()
    {
        var document = await DocumentAsync();

        Assert.Equal(nameof(Publishing.Items.ItemsApi.Submit), (string?)document["paths"]!["/api/items"]!["post"]!["operationId"]);
        Assert.Equal(nameof(OpenApiDocumentApi.GetDocument), (string?)document["paths"]!["/api/openapi.json"]!["get"]!["operationId"]);
    }

    [Fact]
    public async Task GetDocument_WithoutIdentity_Returns401()
    {
        var context = Context(user: null);

        await (await OpenApiDocumentApi.GetDocument(context, CancellationToken.None)).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Auditor)]
    public async Task GetDocument_AnyRole_GetsTheGeneratedDocument(string role)
    {
        var context = Context(new CurrentUser("u1", "用户", new HashSet<string> { role }));

        await (await OpenApiDocumentApi.GetDocument(context, CancellationToken.None)).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        string body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal(await OpenApiDocumentSource.Default.GetJsonAsync(), body);
    }

    static async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await OpenApiDocumentSource.Default.GetJsonAsync())!.AsObject();

    /// <summary>"GET /api/items/{id}" for every endpoint MapPublishingApi maps (route constraints dropped, as OpenAPI paths do).</summary>
    static List<string> MappedRoutes()
    {
        var web = WebApplication.CreateBuilder().Build();
        web.MapPublishingApi();
        return ((IEndpointRouteBuilder)web).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {OpenApiPath(e.RoutePattern)}"))
            .Order()
            .ToList();
    }

    static string OpenApiPath(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new NotSupportedException(part.GetType().Name),
        }))));

    static JsonNode Schema(JsonObject document, JsonNode schema) =>
        (string?)schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![reference.Split('/').Last()]!
            : schema;

    static HashSet<string> Properties(JsonNode schema) => schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();

    static DefaultHttpContext Context(CurrentUser? user)
    {
        var services = new ServiceCollection()
            .AddSingleton<ICurrentUserResolver>(new FixedUser(user))
            .AddLogging()
            .BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }

    sealed class FixedUser(CurrentUser? user) : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) => user;
    }
}
