namespace Publishing.Checks.Links;

/// <summary>Section <c>Publishing:Links</c>: how the body's links are checked before publishing.</summary>
public sealed class LinkCheckOptions
{
    public const string Section = "Publishing:Links";

    /// <summary>Domains besides <c>*.gov.cn</c> that links may point to without a warning (a domain covers its subdomains).</summary>
    public IList<string> AllowedDomains { get; set; } = [];

    /// <summary>How long one link may take to answer before it counts as dead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Distinct links fetched per version; links past this are checked for their domain only.</summary>
    public int MaxLinks { get; set; } = 50;

    public int Parallelism { get; set; } = 4;
}
