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

    /// <summary>
    /// How long one document's checks may take. A run that is not done by then reports a blocking
    /// "check incomplete" finding instead of passing silently; real articles take milliseconds.
    /// </summary>
    public TimeSpan TimeBudget { get; set; } = CheckPipeline.DefaultTimeBudget;

    public string ResolveRulesPath() =>
        string.IsNullOrWhiteSpace(RulesPath) ? Path.Combine(AppContext.BaseDirectory, "Checks", "Rules") : RulesPath;
}
