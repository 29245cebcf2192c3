using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Publishing.Functions.Tests.Infra;

/// <summary>
/// <c>bicep build infra/main.bicep</c> with the Bicep CLI the test project downloads from NuGet (pinned in
/// its csproj), once for the test class. The compiled ARM template is what Azure would receive.
/// </summary>
public sealed class CompiledInfra
{
    public CompiledInfra()
    {
        var result = Bicep.Run("build", Path.Combine("infra", "main.bicep"), "--stdout");
        ExitCode = result.ExitCode;
        Diagnostics = result.StandardError;
        Template = result.ExitCode == 0 ? JsonNode.Parse(result.StandardOutput)!.AsObject() : new JsonObject();
    }

    public int ExitCode { get; }
    public string Diagnostics { get; }
    public JsonObject Template { get; }

    /// <summary>Every resource of the template and of its modules' nested templates.</summary>
    public IEnumerable<JsonObject> Resources => ResourcesOf(Template);

    public JsonObject Single(string type) => Assert.Single(Resources, r => (string?)r["type"] == type);

    static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        // languageVersion 2.0 templates hold resources in an object keyed by symbolic name, older ones in an array.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject map => map.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}

static class Bicep
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    static readonly string Executable = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    public static Result Run(params string[] arguments)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"Bicep CLI not found at {Executable}; restore the test project.");
        }

        // NuGet extracts package files without the execute bit.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(Executable).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(Executable, File.GetUnixFileMode(Executable) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var start = new ProcessStartInfo(Executable, arguments)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
