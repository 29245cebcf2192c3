namespace Publishing.Content;

/// <summary>How the sanitizer got through a body.</summary>
public enum SanitizeOutcome
{
    /// <summary>Parsed and sanitized as written.</summary>
    Complete,

    /// <summary>Nested deeper than any article; kept as plain text paragraphs.</summary>
    TooDeep,

    /// <summary>Markup that would cost the parser far more than its length (misnested formatting); kept as plain text.</summary>
    TooComplex,

    /// <summary>The time budget ran out while parsing; kept as plain text.</summary>
    TimedOut,
}

/// <summary>The HTML a submission stores, and whether its markup survived.</summary>
public sealed record SanitizedBody(string Html, SanitizeOutcome Outcome);
