namespace Publishing.Outbound;

/// <summary>Section <c>Publishing:Outbound</c>: limits of <see cref="GuardedFetcher"/> when a caller sets none.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Publishing:Outbound";

    /// <summary>Whole fetch, redirects and body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxRedirects { get; set; } = 3;

    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Test-only: loopback ports the fetcher may connect to (WireMock fakes). Empty in every real deployment; refused on
    /// App Service. Private, link-local and other ranges stay refused regardless.
    /// </summary>
    public IList<int> TestLoopbackPorts { get; set; } = [];
}
