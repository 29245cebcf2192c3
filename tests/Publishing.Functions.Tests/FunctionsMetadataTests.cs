using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Desk;
using Publishing.Http;

namespace Publishing.Functions.Tests;

/// <summary>
/// Publishes the Functions app and reads the <c>functions.metadata</c> the Functions host would load: every
/// orchestrator and activity of the library has its wrapper, and the HTTP triggers are exactly the local host's routes.
/// </summary>
public sealed class FunctionsMetadataTests(PublishedFunctionsApp app) : IClassFixture<PublishedFunctionsApp>
{
    [Fact]
    public void Metadata_DeclaresAWrapperForEveryOrchestratorAndActivity()
    {
        var library = typeof(PublishingApi).Assembly;
        var expected = library.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && (IsSubclassOfGeneric(t, typeof(TaskOrchestrator<,>)) || IsSubclassOfGeneric(t, typeof(TaskActivity<,>))))
            .Select(t => (t.Name, Trigger: IsSubclassOfGeneric(t, typeof(TaskOrchestrator<,>)) ? "orchestrationTrigger" : "activityTrigger"))
            .ToList();
        Assert.NotEmpty(expected);

        foreach (var (name, trigger) in expected)
        {
            var function = app.Functions.SingleOrDefault(f => (string?)f["name"] == name);
            Assert.True(function is not null, $"functions.metadata has no function named {name}");
            Assert.Contains(function!["bindings"]!.AsArray(), b => (string?)b!["type"] == trigger);
        }
    }

    [Fact]
    public void Metadata_HttpTriggersMatchTheLocalHostRoutesExactly()
    {
        var functionRoutes = app.Functions
            .SelectMany(f => f["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] == "httpTrigger")
            // host.json's routePrefix is empty (the desk is served beside /api), so a trigger's route is its whole path.
            .SelectMany(b => b!["methods"]!.AsArray().Select(m => $"{((string)m!).ToUpperInvariant()} /{(string)b["route"]!}"))
            .Order()
            .ToList();

        var builder = WebApplication.CreateBuilder();
        var web = builder.Build();
        web.MapPublishingApi();
        web.MapDesk();
        var hostRoutes = ((IEndpointRouteBuilder)web).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToList();

        Assert.Equal(hostRoutes, functionRoutes);
    }

    [Fact]
    public void Metadata_HttpTriggersAreAnonymousBecauseEasyAuthSignsPeopleIn()
    {
        var levels = app.Functions.SelectMany(f => f["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] == "httpTrigger")
            .Select(b => (string?)b!["authLevel"])
            .Distinct()
            .ToList();

        Assert.Equal(["Anonymous"], levels);
    }

    static bool IsSubclassOfGeneric(Type type, Type generic)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary><c>dotnet publish</c> of the Functions app, once for the test class.</summary>
public sealed class PublishedFunctionsApp : IDisposable
{
    readonly string output = Path.Combine(Path.GetTempPath(), "publishing-functions-" + Guid.NewGuid().ToString("N")[..8]);

    public PublishedFunctionsApp()
    {
        string root = FindRoot();
        var start = new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(root, "functions", "Publishing.Functions", "Publishing.Functions.csproj"),
             "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        string metadata = Path.Combine(output, "functions.metadata");
        Functions = JsonNode.Parse(File.ReadAllText(metadata))!.AsArray().Select(f => f!).ToList();
        Assert.True(File.Exists(Path.Combine(output, "host.json")), "host.json is not published");
    }

    public IReadOnlyList<JsonNode> Functions { get; }

    public void Dispose()
    {
        try { Directory.Delete(output, recursive: true); } catch (IOException) { }
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Publishing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Publishing.sln not found");
    }
}
