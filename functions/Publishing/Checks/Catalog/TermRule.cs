namespace Publishing.Checks.Catalog;

/// <summary>One line of a rule file.</summary>
/// <param name="Message">Chinese message; <c>{term}</c> and <c>{suggestion}</c> are replaced.</param>
/// <param name="Source">File and line, for logs and error messages.</param>
public sealed record TermRule(
    string RuleId,
    string Aspect,
    string Severity,
    TermMatchMode Mode,
    string Term,
    string? Suggestion,
    string Message,
    string Source)
{
    public string FormatMessage() =>
        Message.Replace("{term}", Term, StringComparison.Ordinal).Replace("{suggestion}", Suggestion ?? "", StringComparison.Ordinal);
}
