namespace Publishing.Checks.Catalog;

/// <summary>How a dictionary term of a rule file is matched (column <c>match</c>).</summary>
public enum TermMatchMode
{
    /// <summary><c>term</c>: every occurrence is a finding.</summary>
    Term,

    /// <summary><c>first-mention</c>: the short form is a finding unless its full form (the suggestion) occurs at or before it.</summary>
    FirstMention,

    /// <summary><c>stamp</c>: only when the term opens a short line of its own, as a stamped marking does.</summary>
    Stamp,

    /// <summary><c>allow</c>: a legitimate word; other matches lying inside it are not reported.</summary>
    Allow,
}
