namespace Publishing.Checks;

/// <summary>Configuration section <c>Checks</c>.</summary>
public sealed class ChecksOptions
{
    public const string Section = "Checks";

    /// <summary>
    /// Folder of the rule files. Empty: the copy shipped next to the application (Checks/Rules). An administrator
    /// points this at an edited copy to extend the rules without a code change.
    /// </summary>
    public string? RulesPath { get; set; }

    public string ResolveRulesPath() =>
        string.IsNullOrWhiteSpace(RulesPath) ? Path.Combine(AppContext.BaseDirectory, "Checks", "Rules") : RulesPath;
}
