using Publishing.Checks.Catalog;
using Publishing.Checks.Engine;
using Publishing.Content;

namespace Publishing.Checks.Detectors;

/// <summary>What every check of one run sees: the draft, its visible text and the dictionary matches of the single scan.</summary>
public sealed class CheckContext(CheckDraft draft, VisibleText visible, RuleSet rules, IReadOnlyList<TermMatch> matches)
{
    public CheckDraft Draft { get; } = draft;

    public VisibleText Visible { get; } = visible;

    public string Text => Visible.Text;

    public RuleSet Rules { get; } = rules;

    public IReadOnlyList<TermMatch> Matches { get; } = matches;

    /// <summary>The title's range in the text, where document-level findings point.</summary>
    public (int Start, int Length) TitleRange => (0, Draft.Title.Length);
}
