namespace Publishing.Content;

/// <summary>An &lt;img&gt; of the sanitized HTML: where it sits in the visible text and in the HTML.</summary>
public sealed record ImageReference(int TextPosition, int HtmlStart, int HtmlLength, string? Alt);
