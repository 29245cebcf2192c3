using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Publishing.Desk;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Testing;

namespace Publishing.Functions.Tests.Support;

/// <summary>What a person sees of one response: status, media type, and the body (problem fields or the JSON/text).</summary>
public sealed record Answer(int Status, string? MediaType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public override string ToString() => $"{Status} {MediaType} {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}

/// <summary>
/// The same library, storage and engine behind the two ways a request reaches a handler: the local host's minimal API
/// mapping (<c>MapPublishingApi</c> on a test server) and the Functions app's hand-written HTTP triggers, each invoked
/// as the Functions host invokes it (route values and query from the URL, a <see cref="DurableTaskClient"/>, the
/// ASP.NET Core integration executing the <see cref="IActionResult"/>). The signed-in person comes from one resolver
/// for both, so what differs is only the wrapper.
/// </summary>
public sealed class TwoHosts : IAsyncLifetime
{
    public const string UserHeader = "X-Test-User";

    DurableTaskTestHost durable = null!;
    WebApplication local = null!;
    HttpClient localClient = null!;

    public static readonly IReadOnlyList<(MethodInfo Function, string Method, string Route)> Triggers = FunctionsApp.Functions
        .SelectMany(f => f.GetParameters()
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .Where(a => a is not null)
            .SelectMany(a => a!.Methods!.Select(m => (f, m.ToUpperInvariant(), a.Route!))))
        .ToList();

    public IServiceProvider Services { get; private set; } = null!;
    public DurableTaskClient Durable => durable.Client;

    public async Task InitializeAsync()
    {
        durable = await DurableTaskTestHost.StartAsync(_ => { });
        Services = FunctionsApp.Services(Configure);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["AzureWebJobsStorage"] = TestStorage.ConnectionString;
        builder.Configuration["Publishing:WeChat:CallbackToken"] = FunctionsApp.CallbackToken;
        builder.Configuration["Publishing:Site:BaseUrl"] = "http://127.0.0.1:9/site/";
        builder.Configuration["Publishing:Audit:HmacKey"] = FunctionsApp.AuditKey;
        builder.Services.AddPublishingCore(builder.Configuration);
        Configure(builder.Services);
        local = builder.Build();
        local.MapPublishingApi();
        local.MapDesk();
        await local.StartAsync();
        localClient = local.GetTestClient();
    }

    void Configure(IServiceCollection services) => services
        .AddSingleton<ICurrentUserResolver, HeaderUserResolver>()
        .AddSingleton(_ => durable.Client);

    public static string User(string id, params string[] roles) => $"{id}|{string.Join(",", roles)}";

    public async Task<Answer> LocalAsync(string method, string pathAndQuery, string? user, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (user is not null)
        {
            request.Headers.Add(UserHeader, user);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await localClient.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    public async Task<Answer> FunctionsAsync(string method, string pathAndQuery, string? user, string? json = null)
    {
        string path = pathAndQuery.Split('?')[0];
        var (function, values) = Match(method, path);
        using var scope = Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(pathAndQuery.Length > path.Length ? pathAndQuery[path.Length..] : "");
        if (user is not null)
        {
            context.Request.Headers[UserHeader] = user;
        }

        if (json is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }

        context.Response.Body = new MemoryStream();
        object?[] arguments = function.GetParameters().Select(p => Argument(p, context, values)).ToArray();
        object? returned = function.Invoke(null, arguments);
        IActionResult result = returned switch
        {
            Task<IActionResult> running => await running,
            IActionResult done => done,
            _ => throw new InvalidOperationException($"{function.Name} returned {returned?.GetType()}"),
        };
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(values), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        string body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        string? mediaType = context.Response.ContentType is { } type ? MediaTypeHeaderValue.Parse(type).MediaType : null;
        return new Answer(context.Response.StatusCode, mediaType, body);
    }

    object? Argument(ParameterInfo parameter, HttpContext context, RouteValueDictionary values)
    {
        if (parameter.ParameterType == typeof(HttpRequest)) return context.Request;
        if (parameter.ParameterType == typeof(DurableTaskClient)) return durable.Client;
        if (parameter.ParameterType == typeof(FunctionContext)) return new TestFunctionContext(context.RequestServices);
        object? raw = values.TryGetValue(parameter.Name!, out var value) ? value : null;
        return parameter.ParameterType == typeof(int) ? int.Parse((string)raw!) : raw;
    }

    static (MethodInfo Function, RouteValueDictionary Values) Match(string method, string path)
    {
        // Literal routes win over parameter routes, as in the Functions host (and ASP.NET Core routing).
        foreach (var (function, verb, route) in Triggers.OrderBy(t => t.Route.Count(c => c == '{')))
        {
            var values = new RouteValueDictionary();
            if (verb == method && new TemplateMatcher(TemplateParser.Parse(route), new RouteValueDictionary()).TryMatch(path, values))
            {
                return (function, values);
            }
        }

        throw new InvalidOperationException($"No HTTP trigger for {method} {path}");
    }

    public async Task DisposeAsync()
    {
        await local.DisposeAsync();
        await durable.DisposeAsync();
        if (Services is IAsyncDisposable services)
        {
            await services.DisposeAsync();
        }
    }

    /// <summary><c>X-Test-User: id|Role1,Role2</c>; no header, no identity.</summary>
    sealed class HeaderUserResolver : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) =>
            context.Request.Headers[UserHeader].ToString() is { Length: > 0 } header && header.Split('|') is [var id, var roles]
                ? new CurrentUser(id, id, roles.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet())
                : null;
    }
}
