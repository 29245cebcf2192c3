using Microsoft.AspNetCore.Server.Kestrel.Core;
using Publishing.Host.Identity;

namespace Publishing.Host;

static class LocalEndpoints
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The HTTP API listens on <c>Publishing:ListenUrl</c> (default 127.0.0.1:7071, the port <c>func</c> uses).</summary>
    public static WebApplicationBuilder AddLocalEndpoints(this WebApplicationBuilder builder)
    {
        string url = builder.Configuration["Publishing:ListenUrl"] ?? DefaultUrl;
        var auth = builder.Configuration.GetSection(LocalAuthOptions.Section).Get<LocalAuthOptions>() ?? new();
        LocalIdentityExtensions.EnsureSampleKeyStaysOnLoopback(auth, [url]);

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
            var address = uri.Host is "localhost" ? System.Net.IPAddress.Loopback : System.Net.IPAddress.Parse(uri.Host);
            kestrel.Listen(address, uri.Port, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });
        return builder;
    }
}
