namespace Publishing.Checks;

/// <summary>
/// One fault a check found. <paramref name="Start"/>/<paramref name="Length"/> locate it in the item's checked
/// text: the title, a newline, the body text extracted from the sanitized HTML, then each alt/title/href value
/// the sanitizer kept on a line of its own. <paramref name="Excerpt"/> is that range of the text, except that
/// personal data in it is shown masked (110105********002X, 138****5678).
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

    /// <summary>The attribute (alt, title, href) whose value holds the finding; null in the title or body text.</summary>
    public string? Attribute { get; init; }

    /// <summary>The attachment, and the page, cell or paragraph in it, the finding is in; null in the item itself.</summary>
    public Assets.FindingSource? Source { get; init; }
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
