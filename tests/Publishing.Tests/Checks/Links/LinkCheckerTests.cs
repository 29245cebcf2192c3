using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Checks;
using Publishing.Checks.Links;
using Publishing.Outbound;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Publishing.Tests.Checks.Links;

/// <summary>Body links checked through the guarded fetcher against WireMock; government and foreign names resolve to it.</summary>
public sealed class LinkCheckerTests : IDisposable
{
    readonly WireMockServer server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    readonly GuardedFetcher fetcher;
    readonly LinkChecker checker;

    public LinkCheckerTests()
    {
        server.Given(Request.Create().WithPath("/ok").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("<html>政务公开</html>"));
        server.Given(Request.Create().WithPath("/gone").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        server.Given(Request.Create().WithPath("/error").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        // Never answers within the check: the timeout, not the server, ends the request.
        server.Given(Request.Create().WithPath("/slow").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMinutes(10)));
        server.Given(Request.Create().WithPath("/moved").UsingGet()).RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "/ok"));
        server.Given(Request.Create().WithPath("/moved-away").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/gone"));
        var names = new[] { "www.linyi.gov.cn", "www.gov.cn", "www.example.com", "www.people.com.cn" };
        fetcher = new GuardedFetcher(
            new OutboundOptions { TestLoopbackPorts = [server.Ports[0]], MaxRedirects = 3 },
            NullLogger.Instance,
            (host, ct) => names.Contains(host) ? Task.FromResult(new[] { IPAddress.Loopback }) : throw new HttpRequestException("no such host", null, null));
        checker = new LinkChecker(fetcher, Options.Create(new LinkCheckOptions { Timeout = TimeSpan.FromSeconds(5), AllowedDomains = ["people.com.cn"] }));
    }

    string Url(string host, string path) => $"http://{host}:{server.Ports[0]}{path}";

    static string Body(params string[] hrefs) =>
        string.Concat(hrefs.Select((h, i) => $"<p>详见<a href=\"{WebUtility.HtmlEncode(h)}\">链接{i + 1}</a>。</p>"));

    [Fact]
    public async Task LiveGovernmentLinks_AndARedirectToALivePage_GiveNoFinding()
    {
        var findings = await checker.CheckAsync(Body(Url("www.linyi.gov.cn", "/ok"), Url("www.gov.cn", "/moved"), "mailto:office@linyi.gov.cn"));

        Assert.Empty(findings);
    }

    [Fact]
    public async Task DeadLinks_404_503_Timeout_AndARedirectToAMissingPage_AreWarningsNamingTheUrl()
    {
        string[] dead = [Url("www.linyi.gov.cn", "/gone"), Url("www.linyi.gov.cn", "/error"), Url("www.linyi.gov.cn", "/slow"), Url("www.linyi.gov.cn", "/moved-away")];

        var findings = await checker.CheckAsync(Body([Url("www.linyi.gov.cn", "/ok"), .. dead]));

        Assert.All(findings, f => Assert.Equal((Severities.Warn, LinkChecker.DeadRule), (f.Severity, f.RuleId)));
        Assert.Equal(dead, findings.Select(f => f.Excerpt));
        Assert.Contains("HTTP 404", findings[0].Message);
        Assert.Contains("HTTP 503", findings[1].Message);
        Assert.Contains("秒内无响应", findings[2].Message);
        Assert.Contains(dead[0], findings[0].Message);
        Assert.Equal(4, findings.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public async Task ALinkToANonGovernmentDomain_IsAWarningNamingTheDomain_ButAnAllowListedOneIsNot()
    {
        var findings = await checker.CheckAsync(Body(Url("www.example.com", "/ok"), Url("www.example.com", "/ok?page=2"), Url("www.people.com.cn", "/ok")));

        // Only the domain rule is under test here; liveness has its own tests above.
        var foreign = Assert.Single(findings, f => f.RuleId == LinkChecker.ForeignRule);
        Assert.Equal((Severities.Warn, LinkChecker.ForeignRule), (foreign.Severity, foreign.RuleId));
        Assert.Contains("www.example.com", foreign.Message);
        Assert.DoesNotContain("people.com.cn", foreign.Message);
    }

    [Fact]
    public async Task AHostThatDoesNotResolve_IsDead_AndALookAlikeGovDomainIsForeign()
    {
        var findings = await checker.CheckAsync(Body("http://www.linyi.gov.cn.evil.example/ok"));

        Assert.Equal([LinkChecker.ForeignRule, LinkChecker.DeadRule], findings.Select(f => f.RuleId));
        Assert.Contains("www.linyi.gov.cn.evil.example", findings[0].Message);
    }

    public void Dispose()
    {
        fetcher.Dispose();
        server.Stop();
    }
}
