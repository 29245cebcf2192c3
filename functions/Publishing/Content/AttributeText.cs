namespace Publishing.Content;

/// <summary>
/// A text-bearing attribute the sanitizer kept (<c>alt</c>, <c>title</c>, <c>href</c>): readers and screen readers
/// see it, so it is checked like body text. Each character of <see cref="Value"/> (entities decoded) remembers
/// its range in the HTML.
/// </summary>
public sealed class AttributeText
{
    internal AttributeText(string name, string value, int[] htmlStarts, int[] htmlEnds)
    {
        Name = name;
        Value = value;
        HtmlStarts = htmlStarts;
        HtmlEnds = htmlEnds;
    }

    /// <summary>Lower-case attribute name.</summary>
    public string Name { get; }

    public string Value { get; }

    internal int[] HtmlStarts { get; }

    internal int[] HtmlEnds { get; }
}
