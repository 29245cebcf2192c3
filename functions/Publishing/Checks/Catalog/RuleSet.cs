using Publishing.Checks.Engine;
using Publishing.Checks.Scanning;

namespace Publishing.Checks.Catalog;

/// <summary>
/// Every term rule of the rules folder compiled into one automaton, plus the traditional→simplified table.
/// Terms are normalised like the text they are found in (<see cref="TextNormalizer"/>); the full forms of
/// first-mention rules are terms too, so one scan also says where each full form first occurs.
/// Built once at start; immutable.
/// </summary>
public sealed class RuleSet
{
    readonly int[][] _rulesByTerm;
    readonly bool[] _allowTerm;
    readonly int[] _fullFormTerm;

    public RuleSet(IReadOnlyList<TermRule> rules, TraditionalCharacters traditional, IReadOnlyDictionary<string, IReadOnlyList<string>> leaderTitles)
    {
        Rules = rules;
        Traditional = traditional;
        LeaderTitles = leaderTitles;
        var terms = new List<string>();
        var termIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTerm = new List<List<int>>();

        int TermOf(string term)
        {
            string scanned = TextNormalizer.Normalize(term);
            if (!termIndex.TryGetValue(scanned, out int t))
            {
                t = terms.Count;
                termIndex.Add(scanned, t);
                terms.Add(scanned);
                byTerm.Add([]);
            }

            return t;
        }

        for (int r = 0; r < rules.Count; r++)
        {
            byTerm[TermOf(rules[r].Term)].Add(r);
        }

        _fullFormTerm = new int[rules.Count];
        for (int r = 0; r < rules.Count; r++)
        {
            _fullFormTerm[r] = rules[r].Mode == TermMatchMode.FirstMention && !string.IsNullOrEmpty(rules[r].Suggestion)
                ? TermOf(rules[r].Suggestion!)
                : -1;
        }

        _rulesByTerm = [.. byTerm.Select(l => l.ToArray())];
        _allowTerm = [.. byTerm.Select(l => l.Any(r => rules[r].Mode == TermMatchMode.Allow))];
        Automaton = new TermAutomaton(terms);
        AllTitles = [.. leaderTitles.Values.SelectMany(t => t).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length)];
    }

    public IReadOnlyList<TermRule> Rules { get; }

    public TermAutomaton Automaton { get; }

    public TraditionalCharacters Traditional { get; }

    /// <summary>Leader name → the titles that person holds.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LeaderTitles { get; }

    /// <summary>Every title of leaders.tsv, longest first so 副市长 wins over 市长.</summary>
    public IReadOnlyList<string> AllTitles { get; }

    /// <summary>The rules of an automaton term (none for a term that is only a first-mention full form).</summary>
    public ReadOnlySpan<int> RulesForTerm(int termIndex) => _rulesByTerm[termIndex];

    /// <summary>True when some rule marks the term as a legitimate word that suppresses matches inside it.</summary>
    public bool IsAllowTerm(int termIndex) => _allowTerm[termIndex];

    /// <summary>The automaton term of a first-mention rule's full form, or -1.</summary>
    public int FullFormTermOf(int ruleIndex) => _fullFormTerm[ruleIndex];
}
