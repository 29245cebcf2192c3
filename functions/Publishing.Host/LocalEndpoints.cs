using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Publishing.Host.Durable;
using Publishing.Host.Identity;

namespace Publishing.Host;

/// <summary>
/// Where the local host listens. The API speaks HTTP/1.1 only on <c>Publishing:ListenUrl</c>; the Durable Task
/// sidecar speaks gRPC only on its own loopback port. With the public sample signing key, anyone who can reach the
/// host can forge tokens, so every address — configured (ListenUrl, <c>ASPNETCORE_URLS</c>/<c>--urls</c>,
/// <c>Kestrel__Endpoints__*</c>) and actually bound after start — must be loopback, or the host refuses to run.
/// </summary>
static class LocalEndpoints
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The API listens on <c>Publishing:ListenUrl</c> (default 127.0.0.1:7071, the port <c>func</c> uses).</summary>
    public static WebApplicationBuilder AddLocalEndpoints(this WebApplicationBuilder builder)
    {
        string url = builder.Configuration["Publishing:ListenUrl"] ?? DefaultUrl;
        var auth = builder.Configuration.GetSection(LocalAuthOptions.Section).Get<LocalAuthOptions>() ?? new();
        LocalIdentityExtensions.EnsureSampleKeyStaysOnLoopback(auth, ConfiguredUrls(builder.Configuration, url));

        // Ctrl+C must end the process within 5 s. Kestrel's graceful stop waits for open connections, and the engine's
        // worker keeps a gRPC stream open to the sidecar on this server until the worker itself stops: stopping the
        // services together lets the worker close its stream while Kestrel drains, and the timeout caps what is left
        // (work in flight is durable: its queue message becomes visible again, as after a crash).
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ServicesStopConcurrently = true;
            host.ShutdownTimeout = ShutdownTimeout;
        });

        var uri = new Uri(url);
        // The published site is served by this host unless another public address is configured.
        builder.Configuration["Publishing:Site:BaseUrl"] ??= new Uri(uri, "/site/").AbsoluteUri;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host);
            // HTTP/1.1 only: the API needs nothing more, and HTTP/2 here would let gRPC clients reach the engine.
            kestrel.Listen(address, uri.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        return builder;
    }

    /// <summary>
    /// Keeps the two endpoints apart: gRPC only on the sidecar port, the API only elsewhere; and holds every request
    /// with 503 until <see cref="EnsureBoundAddressesAreSafe"/> has checked what Kestrel bound.
    /// </summary>
    public static WebApplication UseLocalEndpoints(this WebApplication app)
    {
        int sidecarPort = app.Services.GetRequiredService<LocalDurableOptions>().SidecarPort;
        var gate = app.Services.GetRequiredService<StartupGate>();
        app.Use((context, next) =>
        {
            bool onSidecar = context.Connection.LocalPort == sidecarPort;
            // The sidecar is bound to loopback in code; the engine's own worker may use it at once.
            if (!gate.Open && !onSidecar)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            bool grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
            if (onSidecar != grpc)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Starts, checks the bound addresses (stopping again if they are unsafe), then runs until shutdown.</summary>
    /// <exception cref="UnsafeBindingException">Refused: the host has been stopped.</exception>
    public static async Task RunOnSafeAddressesAsync(this WebApplication app)
    {
        await app.StartAsync();
        try
        {
            EnsureBoundAddressesAreSafe(app);
        }
        catch (UnsafeBindingException)
        {
            await app.StopAsync();
            throw;
        }

        await app.WaitForShutdownAsync();
    }

    /// <summary>After start: refuses when Kestrel bound any non-loopback address while the sample key is configured.</summary>
    public static void EnsureBoundAddressesAreSafe(WebApplication app)
    {
        var auth = app.Services.GetRequiredService<LocalAuthOptions>();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        LocalIdentityExtensions.EnsureSampleKeyStaysOnLoopback(auth, bound);
        app.Services.GetRequiredService<StartupGate>().Open = true;
    }

    public static IServiceCollection AddStartupGate(this IServiceCollection services) => services.AddSingleton<StartupGate>();

    /// <summary>Every address configuration asks Kestrel for, whichever way it was set.</summary>
    static IEnumerable<string> ConfiguredUrls(IConfiguration configuration, string listenUrl)
    {
        yield return listenUrl;
        foreach (string key in new[] { "urls", "ASPNETCORE_URLS", "http_ports", "https_ports" })
        {
            foreach (string value in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // http_ports/https_ports name ports only, bound on every interface.
                yield return int.TryParse(value, out int port) ? $"http://*:{port}" : value;
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            yield return endpoint["Url"] ?? "http://*";
        }
    }

    /// <summary>Closed until the bound addresses are checked.</summary>
    public sealed class StartupGate
    {
        public volatile bool Open;
    }
}
