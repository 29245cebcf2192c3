using Publishing.Checks.Catalog;
using Publishing.Checks.Engine;
using Publishing.Checks.Scanning;
using Publishing.Content;

namespace Publishing.Checks.Detectors;

/// <summary>
/// What every check of one run sees: the draft, its visible text, the normalised text the checks scan
/// (<see cref="Text"/>, positions in it are what <see cref="FindingCollector.Add(string, string, string, string, int, int, string?)"/>
/// takes) and the dictionary matches of the single scan.
/// </summary>
public sealed class CheckContext(CheckDraft draft, VisibleText visible, RuleSet rules, IReadOnlyList<TermMatch> matches, ScanText scan)
{
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

    /// <summary>The title's range in the scanned text, where document-level findings point.</summary>
    public (int Start, int Length) TitleRange => (0, Scan.FromSource(Draft.Title.Length));
}
