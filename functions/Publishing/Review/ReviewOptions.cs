using Publishing.Items;

namespace Publishing.Review;

/// <summary>Review policy (section <c>Publishing:Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Publishing:Review";

    /// <summary>Ordered stages per item kind, comma-separated; kinds not listed use all three.</summary>
    public Dictionary<string, string> Stages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each stage is due this many working days after it opens; escalation at twice that.</summary>
    public int DueWorkingDays { get; set; } = 1;

    /// <summary>Fixed due duration that replaces working days (tests and demos).</summary>
    public TimeSpan? DueAfter { get; set; }

    /// <summary>Largest accepted body HTML, in bytes (larger → 413).</summary>
    public int MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    public IReadOnlyList<string> StagesFor(string kind)
    {
        if (!Stages.TryGetValue(kind, out string? configured) || string.IsNullOrWhiteSpace(configured))
        {
            return ReviewStages.All;
        }

        var stages = configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = stages.Where(s => !ReviewStages.All.Contains(s)).ToList();
        if (unknown.Count > 0 || stages.Length == 0)
        {
            throw new InvalidOperationException(
                $"{Section}:Stages:{kind} lists unknown stages ({string.Join(", ", unknown)}); use initial, second, final.");
        }

        return stages;
    }

    internal static IEnumerable<string> KnownKinds => ItemKinds.All;
}
