namespace Publishing.Checks;

/// <summary>
/// One fault a check found. <paramref name="Start"/>/<paramref name="Length"/> locate <paramref name="Excerpt"/>
/// in the item's visible text (title, a newline, then the body text extracted from the sanitized HTML).
/// </summary>
/// <param name="Aspect">political | legal | confidentiality | textual (政治关/法律关/保密关/文字关).</param>
/// <param name="Severity">block | warn | info. A block finding prevents approval at every review stage.</param>
/// <param name="Message">Chinese: what is wrong and what to do.</param>
public sealed record Finding(
    string Aspect,
    string RuleId,
    string Severity,
    string Message,
    int Start,
    int Length,
    string Excerpt,
    string? Suggestion = null)
{
    /// <summary>Where the excerpt sits in the sanitized HTML, for highlighting; null when it is not in the body (e.g. the title).</summary>
    public int? HtmlStart { get; init; }

    /// <summary>Length of the HTML range, tags and entities inside the excerpt included.</summary>
    public int? HtmlLength { get; init; }
}

public static class Severities
{
    public const string Block = "block";
    public const string Warn = "warn";
    public const string Info = "info";
}

public static class Aspects
{
    public const string Political = "political";
    public const string Legal = "legal";
    public const string Confidentiality = "confidentiality";
    public const string Textual = "textual";

    public static readonly IReadOnlyList<string> All = [Political, Legal, Confidentiality, Textual];
}
