using Publishing.Content;

namespace Publishing.Notes;

/// <summary>Whether a quoted passage occurs in a version as readers see it (title and body text).</summary>
public static class PassageLocator
{
    /// <remarks>
    /// Whitespace is ignored on both sides: a selection in the browser spans paragraph breaks and collapsed spaces
    /// differently from the extracted text, but the characters a person selected are the same.
    /// </remarks>
    public static bool Contains(string title, string sanitizedHtml, string quote)
    {
        string needle = WithoutWhitespace(quote);
        if (needle.Length == 0)
        {
            return false;
        }

        var visible = VisibleText.ForItem(title, VisibleTextExtractor.Extract(sanitizedHtml));
        return WithoutWhitespace(visible.Text).Contains(needle, StringComparison.Ordinal);
    }

    static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
