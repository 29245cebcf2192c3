using Publishing.Calendar;
using Publishing.Checks.Catalog;
using Publishing.Checks.Engine;
using Publishing.Checks.Scanning;
using Publishing.Content;

namespace Publishing.Checks.Detectors;

/// <summary>
/// What every check of one run sees: the draft, its visible text, the normalised text the checks scan
/// (<see cref="Text"/>, positions in it are what <see cref="FindingCollector.Add(string, string, string, string, int, int, string?)"/>
/// takes), the dictionary matches of the single scan, and the dates the run is judged at.
/// </summary>
public sealed class CheckContext(CheckDraft draft, VisibleText visible, RuleSet rules, IReadOnlyList<TermMatch> matches, ScanText scan)
{
    static readonly Lazy<WorkingDayCalendar> EmbeddedCalendar = new(() => WorkingDayCalendar.LoadEmbedded());
    readonly WorkingDayCalendar? _calendar;

    public CheckContext(CheckDraft draft, VisibleText visible, RuleSet rules, IReadOnlyList<TermMatch> matches)
        : this(draft, visible, rules, matches, ScanText.Of(visible.Text))
    {
    }

    public CheckDraft Draft { get; } = draft;

    public VisibleText Visible { get; } = visible;

    public ScanText Scan { get; } = scan;

    /// <summary>The scanned text: the visible text without invisible characters, compatibility forms folded.</summary>
    public string Text => Scan.Text;

    public RuleSet Rules { get; } = rules;

    public IReadOnlyList<TermMatch> Matches { get; } = matches;

    /// <summary>Today in China, from the pipeline's clock.</summary>
    public DateOnly Today { get; init; } = WorkingDayCalendar.ChinaDate(DateTimeOffset.UtcNow);

    public WorkingDayCalendar Calendar { get => _calendar ?? EmbeddedCalendar.Value; init => _calendar = value; }

    public CheckOccasion Occasion { get; init; } = CheckOccasion.BeforePublication;

    /// <summary>成文日期 of the draft (metadata writtenDate, yyyy-MM-dd), or null when absent or not a date.</summary>
    public DateOnly? WrittenDate => DateOnly.TryParseExact(Draft.Metadata.WrittenDate?.Trim(), "yyyy-MM-dd", out var date) ? date : null;

    /// <summary>The date the document speaks at: who held which office is judged on it (成文日期, else today).</summary>
    public DateOnly DocumentDate => WrittenDate ?? Today;

    /// <summary>The title's range in the scanned text, where document-level findings point.</summary>
    public (int Start, int Length) TitleRange => (0, Scan.FromSource(Draft.Title.Length));
}
