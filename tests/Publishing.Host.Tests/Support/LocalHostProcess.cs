using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Publishing.Testing;

namespace Publishing.Host.Tests.Support;

/// <summary>
/// The local host as a separate OS process on the test Azurite, so a test can SIGKILL it and start it again
/// on the same task hub and port.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    readonly Dictionary<string, string> settings;
    readonly StringBuilder output = new();
    Process? process;

    public LocalHostProcess(IDictionary<string, string>? extraSettings = null)
    {
        Port = FreePort();
        SidecarPort = FreePort();
        TaskHub = "t" + Guid.NewGuid().ToString("N")[..12];
        settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["TaskHubName"] = TaskHub,
            ["Publishing__ListenUrl"] = $"http://127.0.0.1:{Port}",
            ["Publishing__Durable__SidecarPort"] = SidecarPort.ToString(),
            ["Publishing__Durable__MaxQueuePollingInterval"] = "00:00:01",
            ["Publishing__Durable__PartitionCount"] = "2",
            // Work a killed process held becomes visible again quickly, as after a real crash (default 5 min).
            ["Publishing__Durable__QueueVisibilityTimeout"] = "00:00:15",
            ["PUBLISHING_SETTINGS_FILE"] = Path.Combine(RepositoryPaths.Root, "local.settings.sample.json"),
            // Tests act faster than people; the limits themselves are tested with their own settings.
            ["Publishing__RateLimits__Checks__PermitLimit"] = "10000",
            ["Publishing__RateLimits__Mutations__PermitLimit"] = "10000",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            // "{port}" stands for this host's API port, e.g. to listen on another interface at the same port.
            settings[key] = value.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    public int Port { get; }
    public string TaskHub { get; }

    /// <summary>The gRPC sidecar's port: fixed across restarts so a test can ask the engine directly.</summary>
    public int SidecarPort { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Everything the process wrote so far, across restarts.</summary>
    public string Output { get { lock (output) return output.ToString(); } }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.HostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Local host exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync("api/me");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Local host did not answer within 60 s:\n{Output}");
    }

    /// <summary>Starts the process and waits for it to exit by itself (a host that refuses to start); its exit code.</summary>
    public async Task<int> RunUntilExitAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.HostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Local host still running after {timeout.TotalSeconds} s:\n{Output}");
        }

        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed machine.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>SIGTERM (what Ctrl+C in run.sh and a service manager send), then the time until the process is gone.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan hangLimit)
    {
        var running = process ?? throw new InvalidOperationException("The local host is not running.");
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", running.Id.ToString()]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(hangLimit);
        try
        {
            await running.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The local host was still running {hangLimit.TotalSeconds:0} s after SIGTERM:\n{Output}");
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        await Task.CompletedTask;
    }

    void Append(string? line)
    {
        if (line is not null)
        {
            lock (output) output.AppendLine(line);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
