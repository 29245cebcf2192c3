using Publishing.Checks.Engine;
using Publishing.Checks.Scanning;

namespace Publishing.Checks.Catalog;

/// <summary>
/// Every term rule of the rules folder compiled into one automaton, plus the traditional→simplified table and the
/// knowledge base of officials. Terms are normalised like the text they are found in (<see cref="TextNormalizer"/>);
/// the full forms of first-mention rules, the listed names and the written forms of titles are terms too, so one
/// scan also says where each full form first occurs and where names and titles stand. Built once at start; immutable.
/// </summary>
public sealed class RuleSet
{
    readonly int[][] _rulesByTerm;
    readonly bool[] _allowTerm;
    readonly int[] _fullFormTerm;
    readonly bool[] _nameTerm;
    readonly bool[] _formTerm;
    readonly List<string> _terms;

    public RuleSet(IReadOnlyList<TermRule> rules, TraditionalCharacters traditional)
        : this(rules, traditional, OfficialsKnowledge.Empty)
    {
    }

    public RuleSet(IReadOnlyList<TermRule> rules, TraditionalCharacters traditional, OfficialsKnowledge officials)
    {
        Rules = rules;
        Traditional = traditional;
        Officials = officials;
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

        var names = officials.LeaderNames.Concat(officials.RemovedNames).Select(TermOf).ToHashSet();
        var forms = officials.Forms.Select(TermOf).ToHashSet();
        _nameTerm = [.. Enumerable.Range(0, terms.Count).Select(names.Contains)];
        _formTerm = [.. Enumerable.Range(0, terms.Count).Select(forms.Contains)];
        _terms = terms;
        _rulesByTerm = [.. byTerm.Select(l => l.ToArray())];
        _allowTerm = [.. byTerm.Select(l => l.Any(r => rules[r].Mode == TermMatchMode.Allow))];
        Automaton = new TermAutomaton(terms);
    }

    public IReadOnlyList<TermRule> Rules { get; }

    public TermAutomaton Automaton { get; }

    public TraditionalCharacters Traditional { get; }

    /// <summary>Leaders, titles, protocol order and removed officials (leaders.tsv and its companions).</summary>
    public OfficialsKnowledge Officials { get; }

    /// <summary>The normalised text of an automaton term.</summary>
    public string TermText(int termIndex) => _terms[termIndex];

    /// <summary>True when the term is a name of the knowledge base.</summary>
    public bool IsNameTerm(int termIndex) => _nameTerm[termIndex];

    /// <summary>True when the term is a written form of a title of the knowledge base.</summary>
    public bool IsFormTerm(int termIndex) => _formTerm[termIndex];

    /// <summary>The rules of an automaton term (none for a term that is only a first-mention full form).</summary>
    public ReadOnlySpan<int> RulesForTerm(int termIndex) => _rulesByTerm[termIndex];

    /// <summary>True when some rule marks the term as a legitimate word that suppresses matches inside it.</summary>
    public bool IsAllowTerm(int termIndex) => _allowTerm[termIndex];

    /// <summary>The automaton term of a first-mention rule's full form, or -1.</summary>
    public int FullFormTermOf(int ruleIndex) => _fullFormTerm[ruleIndex];
}
