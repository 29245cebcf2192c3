using Publishing.Checks.Catalog;

namespace Publishing.Checks.Detectors;

/// <summary>
/// 政治关, leaders' names and titles against the knowledge base (leaders.tsv and its companions), judged on the
/// document's date (成文日期, else today):
/// a listed name written with a title the person did not hold then → block (职务错误);
/// a name one character away from a listed name, written with a title that person holds or held → block (姓名错误,
/// 杜家毫 written 杜家豪);
/// leaders listed with 、 out of the protocol order of the period → warning;
/// a removed official written with a title after the removal → block.
/// Names and title forms are terms of the one automaton scan; everything after is linear in the matches.
/// </summary>
public sealed class LeaderCheck : ICheck
{
    public const string TitleRule = "political.leader-title";
    public const string NameRule = "political.leader-name";
    public const string OrderRule = "political.leader-order";
    public const string RemovedRule = "political.removed-official";

    /// <summary>Titles chained with 、 before a name (中共中央总书记、国家主席、中央军委主席习近平) are checked up to this many.</summary>
    const int MaxChain = 6;

    public void Run(CheckContext context, FindingCollector findings)
    {
        var officials = context.Rules.Officials;
        if (!officials.LeaderNames.Any() && !officials.RemovedNames.Any())
        {
            return;
        }

        string text = context.Text;
        var (names, forms) = Collect(context);
        var formEndingAt = new Dictionary<int, Span>();
        var formStartingAt = new Dictionary<int, Span>();
        foreach (var form in forms)
        {
            formEndingAt.TryAdd(form.End, form);
            formStartingAt.TryAdd(form.Start, form);
        }

        DateOnly date = context.DocumentDate;
        var verdicts = new Dictionary<(string Name, string Title), string?>();
        var exactNameAt = new HashSet<int>(names.Select(n => n.Start));
        var exactNameEnd = new HashSet<int>(names.Select(n => n.End));
        foreach (var name in names)
        {
            foreach (var title in TitlesAround(text, name, formEndingAt, formStartingAt))
            {
                if (officials.OfficesOf(name.Text).Count > 0)
                {
                    // A name repeated with the same title gets the same verdict: judged once per run.
                    if (!verdicts.TryGetValue((name.Text, title.Text), out string? message))
                    {
                        verdicts[(name.Text, title.Text)] = message = TitleError(officials, name.Text, title.Text, date);
                    }

                    if (message is not null)
                    {
                        int start = Math.Min(name.Start, title.Start);
                        findings.Add(Aspects.Political, TitleRule, Severities.Block, message, start, Math.Max(name.End, title.End) - start);
                    }
                }

                CheckRemoved(findings, officials, name, title, date);
            }
        }

        foreach (var form in forms)
        {
            if (!IsQualified(text, form))
            {
                if (!exactNameAt.Contains(form.End))
                {
                    CheckNearName(findings, officials, text, form, after: true);
                }

                if (!exactNameEnd.Contains(form.Start))
                {
                    CheckNearName(findings, officials, text, form, after: false);
                }
            }
        }

        CheckOrder(findings, officials, text, names, date);
    }

    /// <summary>Listed names and the maximal title forms (a form inside a longer one, 总理 in 副总理, is dropped).</summary>
    static (List<Span> Names, List<Span> Forms) Collect(CheckContext context)
    {
        var rules = context.Rules;
        var names = new List<Span>();
        var forms = new List<Span>();
        foreach (var match in context.Matches)
        {
            var span = new Span(match.Start, match.Length, rules.TermText(match.TermIndex));
            if (rules.IsNameTerm(match.TermIndex))
            {
                names.Add(span);
            }

            if (rules.IsFormTerm(match.TermIndex))
            {
                forms.Add(span);
            }
        }

        forms.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var maximal = new List<Span>(forms.Count);
        int furthest = -1;
        foreach (var form in forms)
        {
            // Sorted by start, longest first: a form ending within an earlier one lies inside it (副主席 in 国家副主席).
            if (form.End <= furthest)
            {
                continue;
            }

            maximal.Add(form);
            furthest = form.End;
        }

        names.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (names, maximal);
    }

    /// <summary>The title forms written directly before (a 、 chain) or directly after the name, unless historical (时任, 原).</summary>
    static IEnumerable<Span> TitlesAround(string text, Span name, Dictionary<int, Span> formEndingAt, Dictionary<int, Span> formStartingAt)
    {
        if (formEndingAt.TryGetValue(name.Start, out var before) && !IsQualified(text, before))
        {
            yield return before;
            int at = before.Start;
            for (int k = 1; k < MaxChain && at > 0 && text[at - 1] == '、' && formEndingAt.TryGetValue(at - 1, out var chained) && !IsQualified(text, chained); k++)
            {
                yield return chained;
                at = chained.Start;
            }
        }

        if (formStartingAt.TryGetValue(name.End, out var after))
        {
            yield return after;
        }
    }

    /// <summary>
    /// A form that does not speak of the present holder: a vice-title the base does not list (副 before 委员长), or a
    /// historical reference (时任国务院总理, 原国务院总理, 前国家主席; 时任 anywhere earlier in the clause).
    /// </summary>
    static bool IsQualified(string text, Span form)
    {
        if (form.Start == 0)
        {
            return false;
        }

        char before = text[form.Start - 1];
        if ((before == '副' && form.Text[0] != '副') || before is '原' or '前')
        {
            return true;
        }

        // 时任 governs the whole clause: 时任中央政治局委员、重庆市委书记孙政才.
        int from = form.Start;
        while (from > 0 && form.Start - from < HistoricalLookBack && "，,。；;：:！？!?\n".IndexOf(text[from - 1]) < 0)
        {
            from--;
        }

        return text.AsSpan(from, form.Start - from).Contains("时任", StringComparison.Ordinal);
    }

    const int HistoricalLookBack = 24;

    /// <summary>The 职务错误 message when <paramref name="name"/> did not hold the office <paramref name="title"/> denotes on the date; else null.</summary>
    static string? TitleError(OfficialsKnowledge officials, string name, string title, DateOnly date)
    {
        var offices = officials.OfficesOf(name);
        var denoted = offices.Where(o => officials.Denotes(title, o)).ToList();
        if (denoted.Any(o => o.HeldOn(date)) || !officials.Covers(title, date))
        {
            return null;
        }

        var heldThen = offices.Where(o => o.HeldOn(date)).Select(o => o.Organisation + o.Title).Distinct().ToList();
        return denoted.Count > 0
            ? $"职务错误：按文档日期（{date:yyyy-MM-dd}），{name}不担任“{title}”职务（任职时间：{string.Join("；", denoted.Select(o => o.Describe()))}）。"
              + $"如指其任职期间的事，请写“时任{title}{name}”；否则请改为其当时的职务。"
            : $"职务错误：{name}未担任“{title}”职务"
              + (heldThen.Count > 0 ? $"，{date:yyyy-MM-dd}时任{string.Join("、", heldThen)}" : "")
              + "。请核对领导姓名与职务。";
    }

    static void CheckRemoved(FindingCollector findings, OfficialsKnowledge officials, Span name, Span title, DateOnly date)
    {
        var removal = officials.RemovalsOf(name.Text).Where(o => o.Until is { } until && date >= until).MaxBy(o => o.Until);
        if (removal is null || officials.OfficesOf(name.Text).Any(o => o.HeldOn(date) && officials.Denotes(title.Text, o)))
        {
            return;
        }

        int start = Math.Min(name.Start, title.Start);
        int end = Math.Max(name.End, title.End);
        findings.Add(Aspects.Political, RemovedRule, Severities.Block,
            $"“{name.Text}”已于{removal.Until:yyyy-MM-dd}被免去{removal.Organisation}{removal.Title}职务（来源：{removal.Source}），不得以领导职务称谓出现。"
            + "请核实后删除或改正；如报道其案件，请使用“原……”等表述。",
            start, end - start);
    }

    /// <summary>
    /// 姓名错误: the characters after (or before) a title form are not a listed name but one character away from the name
    /// of someone who holds or held an office that form denotes.
    /// </summary>
    static void CheckNearName(FindingCollector findings, OfficialsKnowledge officials, string text, Span form, bool after)
    {
        var lengths = officials.NameLengths;
        for (int i = lengths.Count - 1; i >= 0; i--)
        {
            int length = lengths[i];
            int start = after ? form.End : form.Start - length;
            if (start < 0 || start + length > text.Length || !AllIdeographs(text, start, length))
            {
                continue;
            }

            var candidate = text.AsSpan(start, length);
            if (officials.IsListed(candidate.ToString()))
            {
                return;
            }

            // Held at any time: a misspelt name is wrong whatever the date.
            string? intended = officials.NamesOneCharacterAway(candidate)
                .FirstOrDefault(n => officials.OfficesOf(n).Any(o => officials.Denotes(form.Text, o)));
            if (intended is not null)
            {
                findings.AddFix(Aspects.Political, NameRule, Severities.Block,
                    $"姓名错误：“{form.Text}”{(after ? "后" : "前")}的“{candidate}”疑为“{intended}”之误。领导人姓名写错属严重表述错误，请核对改正。",
                    start, length, intended);
                return;
            }
        }
    }

    /// <summary>Runs of listed names joined by 、 must follow the protocol order valid on the document's date.</summary>
    static void CheckOrder(FindingCollector findings, OfficialsKnowledge officials, string text, List<Span> names, DateOnly date)
    {
        var orders = officials.Orders.Where(o => o.ValidOn(date)).ToList();
        if (orders.Count == 0)
        {
            return;
        }

        int i = 0;
        while (i < names.Count)
        {
            int j = i;
            while (j + 1 < names.Count && names[j + 1].Start == names[j].End + 1 && text[names[j].End] == '、')
            {
                j++;
            }

            if (j > i)
            {
                CheckRun(findings, orders, names.GetRange(i, j - i + 1));
            }

            i = j + 1;
        }
    }

    static void CheckRun(FindingCollector findings, List<ProtocolOrder> orders, List<Span> run)
    {
        var written = run.Select(n => n.Text).ToList();
        var order = orders.MaxBy(o => written.Count(o.Names.Contains))!;
        var ranked = written.Where(order.Names.Contains).ToList();
        var expected = ranked.OrderBy(n => order.Rank(n)).ToList();
        if (ranked.Count < 2 || ranked.SequenceEqual(expected))
        {
            return;
        }

        int start = run[0].Start;
        int length = run[^1].End - start;
        string message = $"领导同志排序不规范：按{order.From:yyyy-MM-dd}起的排序（{order.Source}），应为“{string.Join("、", expected)}”。请按规范顺序排列。";
        if (ranked.Count == written.Count)
        {
            findings.AddFix(Aspects.Political, OrderRule, Severities.Warn, message, start, length, string.Join("、", expected));
        }
        else
        {
            findings.Add(Aspects.Political, OrderRule, Severities.Warn, message, start, length);
        }
    }

    static bool AllIdeographs(string text, int start, int length)
    {
        for (int k = start; k < start + length; k++)
        {
            if (!Cjk.IsIdeograph(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    readonly record struct Span(int Start, int Length, string Text)
    {
        public int End => Start + Length;
    }
}
