namespace Publishing.Checks.Catalog;

/// <summary>
/// Traditional characters that are not also standard simplified characters, with their simplified form
/// (from OpenCC TSCharacters.txt). Keys whose values include the key itself (於 → 于 於) are valid in
/// simplified text and left out.
/// </summary>
public sealed class TraditionalCharacters
{
    readonly char[] _simplified = new char[char.MaxValue + 1];

    public void Add(char traditional, char simplified) => _simplified[traditional] = simplified;

    /// <summary>The simplified form, or '\0' when <paramref name="c"/> is not a traditional-only character.</summary>
    public char Simplify(char c) => _simplified[c];

    public int Count => _simplified.Count(c => c != '\0');
}
