namespace Publishing.Checks;

/// <summary>
/// One fault a check found, with every place it occurs. <paramref name="Start"/>/<paramref name="Length"/> locate
/// its first occurrence in the item's checked text: the title, a newline, the body text extracted from the sanitized
/// HTML, then each alt/title/href value the sanitizer kept on a line of its own. <paramref name="Excerpt"/> is that
/// range of the text, except that personal data in it is shown masked (110105********002X, 138****5678).
/// Repeated occurrences of the same fault (same rule, severity and message) are one finding: <see cref="Count"/>
/// says how many there are and <see cref="Occurrences"/> where (the first occurrence included).
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

    /// <summary>The attachment, and the page, cell or paragraph in it, of the first occurrence; null in the item itself.</summary>
    public Assets.FindingSource? Source { get; init; }

    /// <summary>
    /// Identifies the finding within the checks of one version: the rule and a hash of rule, severity and message,
    /// so the same fault gets the same id whenever the same text is checked (what a dismissal refers to).
    /// </summary>
    public string Id { get; init; } = "";

    /// <summary>How many times the fault occurs; <see cref="Occurrences"/> lists at most <see cref="Detectors.FindingCollector.MaxOccurrences"/> of them.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Every located occurrence, in text order, the first one being <see cref="Start"/>/<see cref="Length"/>.</summary>
    public IReadOnlyList<FindingOccurrence> Occurrences { get; init; } = [];

    /// <summary>
    /// The mechanical fix of the first occurrence: the text that replaces [Start, Start+Length). Each occurrence
    /// carries its own (a group of half-width marks mixes “,” → “，” and “:” → “：”). Null when a person must decide.
    /// </summary>
    public string? Replacement { get; init; }
}

/// <summary>One place a finding occurs: text range, excerpt (masked for personal data), HTML range and fix.</summary>
public sealed record FindingOccurrence(int Start, int Length, string Excerpt)
{
    public int? HtmlStart { get; init; }

    public int? HtmlLength { get; init; }

    public string? Attribute { get; init; }

    /// <summary>The text that replaces this occurrence's range, when the fix is mechanical.</summary>
    public string? Replacement { get; init; }

    /// <summary>Where in an attachment this occurrence is; null in the item itself.</summary>
    public Assets.FindingSource? Source { get; init; }
}

public static class Severities
{
    public const string Block = "block";
    public const string Warn = "warn";
    public const string Info = "info";

    /// <summary>Order of a report: blocks first.</summary>
    public static int Rank(string severity) => severity switch
    {
        Block => 0,
        Warn => 1,
        _ => 2,
    };
}

public static class Aspects
{
    public const string Political = "political";
    public const string Legal = "legal";
    public const string Confidentiality = "confidentiality";
    public const string Textual = "textual";

    public static readonly IReadOnlyList<string> All = [Political, Legal, Confidentiality, Textual];
}
