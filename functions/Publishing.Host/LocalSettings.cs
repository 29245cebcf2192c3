using System.Text.Json;

namespace Publishing.Host;

/// <summary>
/// Reads the <c>Values</c> of <c>local.settings.json</c> (the Azure Functions local settings format) so the
/// local host and <c>func</c> share one settings file. <c>A__B</c> keys become <c>A:B</c>, as with environment
/// variables; environment variables still win.
/// </summary>
static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public static void AddLocalSettings(this IConfigurationBuilder configuration, string contentRoot)
    {
        string? path = FindFile(contentRoot);
        if (path is null)
        {
            return;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("Values", out var values))
        {
            return;
        }

        var pairs = values.EnumerateObject()
            .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":"), p.Value.ToString()))
            .ToList();
        // Insert before environment variables so they can override the file.
        var sources = ((IConfigurationBuilder)configuration).Sources;
        int envIndex = sources.ToList().FindIndex(s => s.GetType().Name.Contains("EnvironmentVariables"));
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = pairs };
        if (envIndex >= 0)
        {
            sources.Insert(envIndex, source);
        }
        else
        {
            sources.Add(source);
        }
    }

    /// <summary>The file sits at the repository root; the host may run from its project or output folder.</summary>
    static string? FindFile(string start)
    {
        string? explicitPath = Environment.GetEnvironmentVariable("PUBLISHING_SETTINGS_FILE");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath) ? explicitPath : null;
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
