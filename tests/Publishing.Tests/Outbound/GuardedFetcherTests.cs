using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Publishing.Outbound;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Publishing.Tests.Outbound;

/// <summary>
/// The guarded fetcher against WireMock on loopback. Only <see cref="Allowed"/> may reach it, through the explicit
/// test-only port allowance; <see cref="Unguarded"/> has no allowance, as in production.
/// </summary>
public sealed class GuardedFetcherTests : IDisposable
{
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x42, 4096), 0xFF, 0xD9];
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Repeat((byte)7, 512)];
    static readonly FetchPolicy Image = FetchPolicy.For("第 1 张正文图片", 1024 * 1024, SniffedType.Jpeg, SniffedType.Png);

    // Names a hostile editor could use; the fake DNS answers as a hostile resolver would.
    static readonly Dictionary<string, IPAddress[]> Dns = new()
    {
        ["intranet.example"] = [IPAddress.Parse("10.2.3.4")],
        ["metadata.example"] = [IPAddress.Parse("169.254.169.254")],
        ["cgnat.example"] = [IPAddress.Parse("100.100.1.1")],
        ["mapped.example"] = [IPAddress.Parse("::ffff:192.168.0.10")],
        ["mapped-loopback.example"] = [IPAddress.Parse("::ffff:127.0.0.1")],
        ["ula.example"] = [IPAddress.Parse("fd12:3456::1")],
        ["loopback.example"] = [IPAddress.Loopback],
        ["mixed.example"] = [IPAddress.Parse("203.119.25.1"), IPAddress.Loopback],
    };

    readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    readonly WireMockServer _other = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    readonly GuardedFetcher _allowed;
    readonly GuardedFetcher _unguarded;

    public GuardedFetcherTests()
    {
        _server.Given(Request.Create().WithPath("/cover.jpg").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody(Jpeg));
        _other.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody(Jpeg));
        _allowed = Fetcher([_server.Ports[0]]);
        _unguarded = Fetcher([]);
    }

    GuardedFetcher Allowed => _allowed;
    GuardedFetcher Unguarded => _unguarded;
    int Port => _server.Ports[0];
    string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    static GuardedFetcher Fetcher(int[] testLoopbackPorts, TimeSpan? timeout = null) => new(
        new OutboundOptions { TestLoopbackPorts = testLoopbackPorts, Timeout = timeout ?? TimeSpan.FromSeconds(20), MaxRedirects = 3 },
        NullLogger.Instance,
        (host, ct) => Dns.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : System.Net.Dns.GetHostAddressesAsync(host, ct));

    void Serve(string path, Action<IResponseBuilder> response)
    {
        var builder = Response.Create();
        response(builder);
        _server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(builder);
    }

    void Redirect(string path, string location, int status = 302) =>
        Serve(path, r => r.WithStatusCode(status).WithHeader("Location", location));

    static async Task<OutboundFetchException> RefusedAsync(GuardedFetcher fetcher, string url, FetchPolicy? policy = null) =>
        await Assert.ThrowsAsync<OutboundFetchException>(() => fetcher.FetchAsync(url, policy ?? Image));

    [Fact]
    public async Task Image_OnAllowedTestPort_IsFetchedWithItsSniffedType()
    {
        var fetched = await Allowed.FetchAsync(Url("/cover.jpg"), Image);

        Assert.Equal(Jpeg, fetched.Content);
        Assert.Equal(SniffedType.Jpeg, fetched.Type);
        Assert.Equal("image/jpeg", fetched.MediaType);
        Assert.Equal(0, fetched.Redirects);
    }

    [Fact]
    public async Task DeclaredTypeIsIgnored_BytesDecide()
    {
        Serve("/photo", r => r.WithHeader("Content-Type", "text/plain").WithBody(Png));

        var fetched = await Allowed.FetchAsync(Url("/photo"), Image);

        Assert.Equal(SniffedType.Png, fetched.Type);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>登录</body></html>")]                       // a login page labelled image/jpeg
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")] // script in SVG
    [InlineData("GIF89a\u0001\u0000")]                                                    // an image type WeChat does not take
    public async Task BytesOfAnotherType_AreRefusedWhateverTheHeaderSays(string body)
    {
        Serve("/fake.jpg", r => r.WithHeader("Content-Type", "image/jpeg").WithBody(Encoding.Latin1.GetBytes(body)));

        var refused = await RefusedAsync(Allowed, Url("/fake.jpg"));

        Assert.Equal(OutboundFailure.UnexpectedContent, refused.Failure);
        Assert.Contains("JPG、PNG", refused.Message);
        Assert.False(refused.IsTransient);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/cover.jpg")]          // loopback
    [InlineData("http://localhost:{port}/cover.jpg")]          // a name resolving to loopback (real DNS)
    [InlineData("http://127.1:{port}/cover.jpg")]              // short form
    [InlineData("http://2130706433:{port}/cover.jpg")]         // decimal form of 127.0.0.1
    [InlineData("http://0x7f000001:{port}/cover.jpg")]         // hex form
    [InlineData("http://0177.0.0.1:{port}/cover.jpg")]         // octal form
    [InlineData("http://0.0.0.0:{port}/cover.jpg")]            // unspecified, reaches loopback on Linux
    [InlineData("http://[::1]:{port}/cover.jpg")]              // IPv6 loopback
    [InlineData("http://[::ffff:127.0.0.1]:{port}/cover.jpg")] // IPv4-mapped loopback
    [InlineData("http://[::ffff:7f00:1]:{port}/cover.jpg")]    // mapped, hex
    [InlineData("http://[::127.0.0.1]:{port}/cover.jpg")]      // IPv4-compatible
    [InlineData("http://[64:ff9b::7f00:1]:{port}/cover.jpg")]  // NAT64 of loopback
    [InlineData("http://loopback.example:{port}/cover.jpg")]   // DNS name answering 127.0.0.1
    [InlineData("http://mapped-loopback.example:{port}/cover.jpg")] // DNS answering ::ffff:127.0.0.1
    [InlineData("http://mixed.example:{port}/cover.jpg")]      // DNS answering a public and a loopback address
    public async Task LoopbackInAnyForm_IsRefusedWithoutTheTestAllowance(string template)
    {
        string url = template.Replace("{port}", Port.ToString());

        var refused = await RefusedAsync(Unguarded, url);

        Assert.Equal(OutboundFailure.BlockedAddress, refused.Failure);
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage.Path == "/cover.jpg");
        AssertNoInternalDetail(refused.Message, Port.ToString(), "127.0.0.1", "localhost", "example");
    }

    [Theory]
    [InlineData("http://10.0.0.1/a.jpg")]                 // RFC 1918
    [InlineData("http://172.16.8.9/a.jpg")]
    [InlineData("http://192.168.1.1/a.jpg")]
    [InlineData("http://169.254.169.254/latest/meta-data/")] // cloud metadata
    [InlineData("http://100.64.0.1/a.jpg")]               // CGNAT
    [InlineData("http://224.0.0.1/a.jpg")]                // multicast
    [InlineData("http://255.255.255.255/a.jpg")]          // broadcast
    [InlineData("http://[fd00::1]/a.jpg")]                // IPv6 unique local
    [InlineData("http://[fe80::1]/a.jpg")]                // IPv6 link-local
    [InlineData("http://[::ffff:10.0.0.1]/a.jpg")]        // mapped private
    [InlineData("http://[::ffff:169.254.169.254]/a.jpg")] // mapped metadata
    [InlineData("http://intranet.example/a.jpg")]         // DNS → 10.2.3.4
    [InlineData("http://metadata.example/a.jpg")]         // DNS → 169.254.169.254
    [InlineData("http://cgnat.example/a.jpg")]            // DNS → 100.100.1.1
    [InlineData("http://mapped.example/a.jpg")]           // DNS → ::ffff:192.168.0.10
    [InlineData("https://ula.example/a.jpg")]             // DNS → fd12:3456::1, over https too
    public async Task InternalNetwork_IsRefusedEvenWithTheTestAllowance(string url)
    {
        var refused = await RefusedAsync(Allowed, url);

        Assert.Equal(OutboundFailure.BlockedAddress, refused.Failure);
        AssertNoInternalDetail(refused.Message, "10.", "169.254", "192.168", "fd", "fe80", "example", "224.", "255.");
    }

    [Theory]
    [InlineData("ftp://files.example.gov.cn/a.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1:6379/_INFO")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("//cdn.example.gov.cn/a.jpg")]           // protocol-relative
    [InlineData("/uploads/a.jpg")]                       // relative
    [InlineData("http://admin:secret@www.example.gov.cn/a.jpg")] // credentials in the URL
    [InlineData("")]
    public async Task NotAPlainHttpUrl_IsRefused(string url)
    {
        var refused = await RefusedAsync(Allowed, url);

        Assert.Equal(OutboundFailure.InvalidUrl, refused.Failure);
        Assert.Contains("http/https", refused.Message);
    }

    [Fact]
    public async Task RedirectToAnotherLoopbackPort_IsRefused_AndNeverReachesIt()
    {
        Redirect("/r", $"http://127.0.0.1:{_other.Ports[0]}/cover.jpg");

        var refused = await RefusedAsync(Allowed, Url("/r"));

        Assert.Equal(OutboundFailure.BlockedAddress, refused.Failure);
        Assert.Empty(_other.LogEntries);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", 302)]
    [InlineData("http://10.0.0.1/a.jpg", 301)]
    [InlineData("http://[::ffff:127.0.0.1]:1/a.jpg", 307)]
    [InlineData("http://intranet.example/a.jpg", 308)]
    [InlineData("http://localhost/a.jpg", 303)]
    public async Task RedirectInward_IsRefused(string location, int status)
    {
        Redirect("/r", location, status);

        var refused = await RefusedAsync(Allowed, Url("/r"));

        Assert.Equal(OutboundFailure.BlockedAddress, refused.Failure);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1:6379/_")]
    public async Task RedirectToAnotherScheme_IsRefused(string location)
    {
        Redirect("/r", location);

        var refused = await RefusedAsync(Allowed, Url("/r"));

        Assert.Equal(OutboundFailure.InvalidUrl, refused.Failure);
    }

    [Fact]
    public async Task RedirectWithinAllowedHost_IsFollowedAndCounted()
    {
        Redirect("/old", "/cover.jpg", 301);

        var fetched = await Allowed.FetchAsync(Url("/old"), Image);

        Assert.Equal(SniffedType.Jpeg, fetched.Type);
        Assert.Equal(1, fetched.Redirects);
        Assert.EndsWith("/cover.jpg", fetched.Url.AbsolutePath);
    }

    [Fact]
    public async Task RedirectChainLongerThanTheCap_IsRefused()
    {
        for (int i = 0; i < 5; i++)
        {
            Redirect($"/hop{i}", $"/hop{i + 1}");
        }

        Serve("/hop5", r => r.WithBody(Jpeg));

        var refused = await RefusedAsync(Allowed, Url("/hop0"), Image with { MaxRedirects = 3 });

        Assert.Equal(OutboundFailure.TooManyRedirects, refused.Failure);
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage.Path is "/hop4" or "/hop5");
    }

    [Fact]
    public async Task BodyLargerThanTheCap_IsRefusedFromItsContentLength()
    {
        Serve("/big.jpg", r => r.WithHeader("Content-Type", "image/jpeg").WithBody([.. Jpeg, .. new byte[2 * 1024 * 1024]]));

        var refused = await RefusedAsync(Allowed, Url("/big.jpg"));

        Assert.Equal(OutboundFailure.TooLarge, refused.Failure);
        Assert.Contains("1 MB", refused.Message);
    }

    [Fact]
    public async Task EndlessBodyWithoutLength_IsCutAtTheCap()
    {
        using var endless = new EndlessChunkedServer();
        var fetcher = Fetcher([endless.Port]);

        var refused = await RefusedAsync(fetcher, $"http://127.0.0.1:{endless.Port}/stream.jpg");

        Assert.Equal(OutboundFailure.TooLarge, refused.Failure);
        Assert.True(endless.BytesSent < 64L * 1024 * 1024, $"the fetcher kept reading: {endless.BytesSent} bytes sent");
    }

    [Fact]
    public async Task SlowServer_TimesOut_AsATransientFailure()
    {
        Serve("/slow.jpg", r => r.WithBody(Jpeg).WithDelay(TimeSpan.FromSeconds(10)));
        var fetcher = Fetcher([Port], timeout: TimeSpan.FromMilliseconds(400));

        var refused = await RefusedAsync(fetcher, Url("/slow.jpg"));

        Assert.Equal(OutboundFailure.Timeout, refused.Failure);
        Assert.True(refused.IsTransient);
        Assert.Contains("0.4 秒", refused.Message);
    }

    [Theory]
    [InlineData(404, false)]
    [InlineData(403, false)]
    [InlineData(503, true)]
    public async Task ErrorStatus_IsReportedWithoutTheAddress(int status, bool transient)
    {
        Serve("/gone.jpg", r => r.WithStatusCode(status));

        var refused = await RefusedAsync(Allowed, Url("/gone.jpg"));

        Assert.Equal(OutboundFailure.HttpStatus, refused.Failure);
        Assert.Equal(transient, refused.IsTransient);
        Assert.Contains($"HTTP {status}", refused.Message);
        AssertNoInternalDetail(refused.Message, Port.ToString(), "127.0.0.1");
    }

    [Fact]
    public async Task UnresolvableName_IsUnreachable()
    {
        var refused = await RefusedAsync(Allowed, "http://no-such-host.invalid/a.jpg");

        Assert.Equal(OutboundFailure.Unreachable, refused.Failure);
        Assert.True(refused.IsTransient);
    }

    static void AssertNoInternalDetail(string message, params string[] details)
    {
        Assert.StartsWith("第 1 张正文图片", message);
        foreach (string detail in details)
        {
            Assert.DoesNotContain(detail, message, StringComparison.OrdinalIgnoreCase);
        }
    }

    public void Dispose()
    {
        _allowed.Dispose();
        _unguarded.Dispose();
        _server.Stop();
        _other.Stop();
    }
}
