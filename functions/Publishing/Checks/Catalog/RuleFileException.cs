namespace Publishing.Checks.Catalog;

/// <summary>A rule file an administrator edited is invalid: start-up stops and says where and why.</summary>
public sealed class RuleFileException(string file, int line, string reason)
    : Exception($"Invalid rule file '{file}' line {line}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
