using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Publishing.Host.Identity;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Identity;

/// <summary>
/// With the public sample signing key anyone who reaches the host can forge an Admin token, so the host must refuse
/// to run on any non-loopback address, however that address was configured. Each row starts the real process.
/// </summary>
public sealed class LocalBindingTests
{
    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Theory]
    [InlineData("Publishing__ListenUrl", "http://0.0.0.0:{port}")]
    [InlineData("Publishing__ListenUrl", "http://[::]:{port}")]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:{port}")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{port};http://*:{port2}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{port}")]
    [InlineData("Kestrel__Endpoints__Extra__Url", "http://0.0.0.0:{port}")]
    [InlineData("Kestrel__Endpoints__Extra__Url", "http://+:{port}")]
    [InlineData("Kestrel__Endpoints__Extra__Url", "http://intranet-host.example:{port}")] // a host name binds every interface
    public async Task SampleKey_WithANonLoopbackAddress_RefusesToStart(string setting, string value)
    {
        await using var host = new LocalHostProcess(new Dictionary<string, string>
        {
            [setting] = value.Replace("{port2}", FreePort().ToString()).Replace("{port}", FreePort().ToString()),
        });

        int exitCode = await host.RunUntilExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exitCode == 3, $"exit code {exitCode}:\n{host.Output}");
        Assert.Contains("Refusing to listen on", host.Output);
        Assert.Contains("sample signing key", host.Output);
    }

    [Fact]
    public async Task SecretKey_MayListenOnEveryInterface()
    {
        await using var host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["Publishing__Auth__SigningKey"] = "a-real-secret-key-that-is-not-the-sample-0123456789",
            ["Publishing__ListenUrl"] = "http://0.0.0.0:{port}",
        });

        await host.StartAsync();
        var external = ExternalAddresses().First();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{external}:{host.Port}/") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/me")).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://127.8.9.10:7071", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("http://[::ffff:127.0.0.1]:7071", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://[::]:7071", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://192.168.1.10:7071", false)]
    [InlineData("http://10.0.0.5:7071", false)]
    [InlineData("http://zwgk.linyi.gov.cn:80", false)]
    [InlineData("not a url", false)]
    public void BoundAddressCheck_AcceptsOnlyLoopback(string address, bool loopback)
    {
        Assert.Equal(loopback, LocalIdentityExtensions.IsLoopback(address));
        var sample = new LocalAuthOptions { SigningKey = LocalAuthOptions.SampleSigningKey };
        if (loopback)
        {
            LocalIdentityExtensions.EnsureSampleKeyStaysOnLoopback(sample, [address]);
        }
        else
        {
            Assert.Throws<UnsafeBindingException>(() => LocalIdentityExtensions.EnsureSampleKeyStaysOnLoopback(sample, [address]));
        }
    }

    /// <summary>The machine's own non-loopback IPv4 addresses (a container has at least one).</summary>
    public static IEnumerable<IPAddress> ExternalAddresses() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}

/// <summary>What the running shared host exposes: HTTP/1.1 API, gRPC only on its loopback sidecar port.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class LocalEndpointProtocolTests(SharedHost host)
{
    [Fact]
    public async Task Api_SpeaksHttp11_AndRefusesHttp2()
    {
        using var http11 = new HttpClient { BaseAddress = host.Process.BaseAddress };
        var ok = await http11.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, ok.StatusCode);
        Assert.Equal(HttpVersion.Version11, ok.Version);

        using var http2 = new HttpClient { BaseAddress = host.Process.BaseAddress, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        await Assert.ThrowsAsync<HttpRequestException>(() => http2.GetAsync("api/me"));
    }

    [Fact]
    public async Task Sidecar_AnswersNoApiRequests()
    {
        using var http2 = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{host.Process.SidecarPort}/"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var response = await http2.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sidecar_IsNotReachableOnTheMachinesOtherAddresses()
    {
        var addresses = LocalBindingTests.ExternalAddresses().ToList();
        Assert.NotEmpty(addresses);
        foreach (var address in addresses)
        {
            using var client = new TcpClient();
            var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, host.Process.SidecarPort));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
    }

    [Fact]
    public async Task Api_IsNotReachableOnTheMachinesOtherAddresses()
    {
        foreach (var address in LocalBindingTests.ExternalAddresses())
        {
            using var client = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, host.Process.Port));
        }
    }
}
