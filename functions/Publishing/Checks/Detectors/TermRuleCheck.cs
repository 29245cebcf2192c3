using Publishing.Checks.Catalog;

namespace Publishing.Checks.Detectors;

/// <summary>
/// Applies the rule files' term rules to the matches of the single automaton scan. Linear in the number of matches:
/// allow ranges are looked up by binary search, stamp lines come from one line index, each rule keeps a bounded
/// number of candidates, and nested candidates are dropped in one pass over them sorted by position.
/// </summary>
public sealed class TermRuleCheck : ICheck
{
    /// <summary>Candidates kept per rule line before nested ones are dropped; the report shows at most <see cref="FindingCollector.MaxPerRule"/>.</summary>
    public const int MaxCandidatesPerRule = FindingCollector.MaxPerRule * 4;

    /// <summary>A stamp is a short line: the marking plus at most a period such as “★1年” or “注意保存”.</summary>
    const int StampSlack = 12;
    const string ProsePunctuation = "，。；、：,.;:！？!?的和及与";

    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        var rules = context.Rules;
        var matches = context.Matches;

        // Matches arrive in end order, so the allow ranges are sorted by end as they are collected.
        var allowStarts = new List<int>();
        var allowEnds = new List<int>();
        int[] firstStart = new int[rules.Automaton.TermCount];
        Array.Fill(firstStart, int.MaxValue);
        foreach (var match in matches)
        {
            firstStart[match.TermIndex] = Math.Min(firstStart[match.TermIndex], match.Start);
            if (rules.IsAllowTerm(match.TermIndex))
            {
                allowStarts.Add(match.Start);
                allowEnds.Add(match.Start + match.Length);
            }
        }

        var allowed = new AllowRanges(allowStarts, allowEnds);
        var lines = new Lazy<LineIndex>(() => new LineIndex(text));
        int[] kept = new int[rules.Rules.Count];
        bool[] firstMentionSeen = new bool[rules.Rules.Count];
        var candidates = new List<(int Rule, int Start, int Length)>();
        foreach (var match in matches)
        {
            var ruleIndexes = rules.RulesForTerm(match.TermIndex);
            if (!HasRoom(ruleIndexes, rules, kept) || allowed.Contains(match.Start, match.Start + match.Length))
            {
                continue;
            }

            foreach (int r in ruleIndexes)
            {
                var rule = rules.Rules[r];
                if (rule.Mode == TermMatchMode.Allow || kept[r] >= MaxCandidatesPerRule)
                {
                    continue;
                }

                bool report = rule.Mode switch
                {
                    TermMatchMode.Term => true,
                    TermMatchMode.Stamp => IsStamp(text, lines.Value, match.Start, match.Length),
                    TermMatchMode.FirstMention => !firstMentionSeen[r] && (firstMentionSeen[r] = true) && !FullFormBefore(rules, firstStart, r, match.Start),
                    _ => false,
                };
                if (report)
                {
                    kept[r]++;
                    candidates.Add((r, match.Start, match.Length));
                }
            }
        }

        // Longest first, so “秘密★” on a stamp line is one finding, not also the stamp “秘密” inside it: a candidate
        // inside an earlier kept one of the same rule is dropped, and every earlier one starts at or before it.
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var furthestEnd = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (r, start, length) in candidates)
        {
            var rule = rules.Rules[r];
            int end = start + length;
            if (furthestEnd.TryGetValue(rule.RuleId, out int covered) && end <= covered)
            {
                continue;
            }

            furthestEnd[rule.RuleId] = Math.Max(covered, end);
            // A term rule's suggestion is the word that replaces the term (别字 → 正字, 简称 → 全称): a mechanical fix.
            if (rule.Suggestion is { } replacement)
            {
                findings.AddFix(rule.Aspect, rule.RuleId, rule.Severity, rule.FormatMessage(), start, length, replacement);
            }
            else
            {
                findings.Add(rule.Aspect, rule.RuleId, rule.Severity, rule.FormatMessage(), start, length);
            }
        }
    }

    static bool HasRoom(ReadOnlySpan<int> ruleIndexes, RuleSet rules, int[] kept)
    {
        foreach (int r in ruleIndexes)
        {
            if (rules.Rules[r].Mode != TermMatchMode.Allow && kept[r] < MaxCandidatesPerRule)
            {
                return true;
            }
        }

        return false;
    }

    static bool FullFormBefore(RuleSet rules, int[] firstStart, int rule, int start)
    {
        int term = rules.FullFormTermOf(rule);
        return term >= 0 && firstStart[term] <= start;
    }

    static bool IsStamp(string text, LineIndex lines, int start, int length)
    {
        int line = lines.LineOf(start);
        if (lines.FirstVisible(line) != start)
        {
            return false;
        }

        int from = start + length;
        int last = lines.LastVisible(line);
        while (from <= last && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        int rest = last - from + 1;
        return rest <= 0 || (rest <= StampSlack && text.AsSpan(from, rest).IndexOfAny(ProsePunctuation) < 0);
    }

    /// <summary>
    /// Allow ranges sorted by end, with the smallest start of every suffix: a match lies strictly inside some range
    /// when a range ending after it starts at or before it, or one ending with it starts before it.
    /// </summary>
    sealed class AllowRanges
    {
        readonly List<int> _ends;
        readonly int[] _suffixMinStart;

        public AllowRanges(List<int> starts, List<int> ends)
        {
            _ends = ends;
            _suffixMinStart = new int[starts.Count + 1];
            _suffixMinStart[starts.Count] = int.MaxValue;
            for (int i = starts.Count - 1; i >= 0; i--)
            {
                _suffixMinStart[i] = Math.Min(starts[i], _suffixMinStart[i + 1]);
            }
        }

        public bool Contains(int start, int end)
        {
            if (_ends.Count == 0)
            {
                return false;
            }

            int endingAfter = FirstEndAtLeast(end + 1);
            int endingWith = FirstEndAtLeast(end);
            return _suffixMinStart[endingAfter] <= start || _suffixMinStart[endingWith] < start;
        }

        int FirstEndAtLeast(int value)
        {
            int lo = 0;
            int hi = _ends.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_ends[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
