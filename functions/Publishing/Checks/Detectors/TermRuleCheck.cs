using Publishing.Checks.Catalog;

namespace Publishing.Checks.Detectors;

/// <summary>Applies the rule files' term rules to the matches of the single automaton scan.</summary>
public sealed class TermRuleCheck : ICheck
{
    /// <summary>A stamp is a short line: the marking plus at most a period such as “★1年” or “注意保存”.</summary>
    const int StampSlack = 12;
    const string ProsePunctuation = "，。；、：,.;:！？!?的和及与";

    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        var rules = context.Rules;
        var allowed = new List<(int Start, int End)>();
        foreach (var match in context.Matches)
        {
            foreach (int r in rules.RulesForTerm(match.TermIndex))
            {
                if (rules.Rules[r].Mode == TermMatchMode.Allow)
                {
                    allowed.Add((match.Start, match.Start + match.Length));
                }
            }
        }

        var candidates = new List<(TermRule Rule, int Start, int Length)>();
        var firstMentionSeen = new HashSet<TermRule>();
        foreach (var match in context.Matches)
        {
            if (IsInside(allowed, match.Start, match.Start + match.Length))
            {
                continue;
            }

            foreach (int r in rules.RulesForTerm(match.TermIndex))
            {
                var rule = rules.Rules[r];
                bool report = rule.Mode switch
                {
                    TermMatchMode.Term => true,
                    TermMatchMode.Stamp => IsStamp(text, match.Start, match.Length),
                    TermMatchMode.FirstMention => firstMentionSeen.Add(rule) && !FullFormBefore(text, rule.Suggestion!, match.Start),
                    TermMatchMode.Leader => HasWrongTitle(context, rule.Term, match.Start),
                    _ => false,
                };
                if (report)
                {
                    candidates.Add((rule, match.Start, match.Length));
                }
            }
        }

        // Longest first, so “秘密★” on a stamp line is one finding, not also the stamp “秘密” inside it.
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<(TermRule Rule, int Start, int Length)>();
        foreach (var c in candidates)
        {
            if (kept.Any(k => k.Rule.RuleId == c.Rule.RuleId && k.Start <= c.Start && c.Start + c.Length <= k.Start + k.Length))
            {
                continue;
            }

            kept.Add(c);
            string? suggestion = c.Rule.Mode == TermMatchMode.Leader ? null : c.Rule.Suggestion;
            findings.Add(c.Rule.Aspect, c.Rule.RuleId, c.Rule.Severity, c.Rule.FormatMessage(), c.Start, c.Length, suggestion);
        }
    }

    static bool IsInside(List<(int Start, int End)> allowed, int start, int end)
    {
        foreach (var (s, e) in allowed)
        {
            if (s <= start && end <= e && (e - s) > (end - start))
            {
                return true;
            }
        }

        return false;
    }

    static bool FullFormBefore(string text, string full, int start)
    {
        int at = text.IndexOf(full, StringComparison.Ordinal);
        return at >= 0 && at <= start;
    }

    static bool IsStamp(string text, int start, int length)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start > 0 && text[start - 1] == '\n')
        {
            lineStart = start;
        }

        for (int i = lineStart; i < start; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        int lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        var rest = text.AsSpan(start + length, lineEnd - start - length).Trim();
        return rest.Length <= StampSlack && rest.IndexOfAny(ProsePunctuation) < 0;
    }

    static bool HasWrongTitle(CheckContext context, string name, int start)
    {
        var before = context.Text.AsSpan(0, start);
        foreach (string title in context.Rules.AllTitles)
        {
            if (before.EndsWith(title, StringComparison.Ordinal))
            {
                return !context.Rules.LeaderTitles[name].Contains(title);
            }
        }

        return false;
    }
}
