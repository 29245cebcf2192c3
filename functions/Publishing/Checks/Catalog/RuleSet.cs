using Publishing.Checks.Engine;

namespace Publishing.Checks.Catalog;

/// <summary>
/// Every term rule of the rules folder compiled into one automaton, plus the traditional→simplified table.
/// Built once at start; immutable.
/// </summary>
public sealed class RuleSet
{
    readonly int[][] _rulesByTerm;

    public RuleSet(IReadOnlyList<TermRule> rules, TraditionalCharacters traditional, IReadOnlyDictionary<string, IReadOnlyList<string>> leaderTitles)
    {
        Rules = rules;
        Traditional = traditional;
        LeaderTitles = leaderTitles;
        var terms = new List<string>();
        var termIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTerm = new List<List<int>>();
        for (int r = 0; r < rules.Count; r++)
        {
            if (!termIndex.TryGetValue(rules[r].Term, out int t))
            {
                t = terms.Count;
                termIndex.Add(rules[r].Term, t);
                terms.Add(rules[r].Term);
                byTerm.Add([]);
            }

            byTerm[t].Add(r);
        }

        _rulesByTerm = [.. byTerm.Select(l => l.ToArray())];
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

    public ReadOnlySpan<int> RulesForTerm(int termIndex) => _rulesByTerm[termIndex];
}
