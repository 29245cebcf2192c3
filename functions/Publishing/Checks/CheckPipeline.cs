using Publishing.Checks.Catalog;
using Publishing.Checks.Detectors;
using Publishing.Checks.Engine;
using Publishing.Calendar;
using Publishing.Checks.Scanning;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Checks;

/// <summary>What the pre-checks look at: a draft or a submitted version, before sanitizing.</summary>
public sealed record CheckDraft(string Kind, string Title, string BodyHtml, ItemMetadata Metadata, string? InterpretsItemId);

/// <summary>Why the checks run: the disclosure-deadline warning belongs to drafts and submissions, not to the patrol of published pages.</summary>
public enum CheckOccasion
{
    /// <summary>A draft (POST /api/checks) or a submitted version: every check.</summary>
    BeforePublication,

    /// <summary>The expression patrol of a published page: content checks only.</summary>
    Patrol,
}

/// <summary>The findings, grouped and sorted blocks first, and exactly the HTML a submission would store.</summary>
public sealed record CheckReport(IReadOnlyList<Finding> Findings, string SanitizedHtml)
{
    /// <summary>False when the time budget ran out: a blocking finding then says which checks did not run.</summary>
    public bool Complete { get; init; } = true;
}

/// <summary>
/// Sanitize → extract visible text → normalise → run every rule family, in time linear in the input and within a
/// time budget. Singleton; thread-safe.
/// </summary>
public sealed class CheckPipeline(
    ArticleSanitizer sanitizer, RuleSet rules, TimeProvider? time = null, TimeSpan? timeBudget = null, WorkingDayCalendar? calendar = null)
{
    public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromSeconds(5);

    public const string IncompleteRuleId = "confidentiality.check-incomplete";
    public const string SimplifiedMarkupRuleId = "textual.markup-simplified";

    static readonly (ICheck Check, string Name)[] Checks =
    [
        (new TermRuleCheck(), "词语规则（涉密标志、政治用语、法律名称、错别字）"),
        (new PersonalDataCheck(), "个人信息"),
        (new GarbledTextCheck(), "乱码"),
        (new TraditionalCharacterCheck(), "繁体字"),
        (new PairedPunctuationCheck(), "成对标点"),
        (new HalfWidthPunctuationCheck(), "半角标点"),
        (new ImpossibleDateCheck(), "日期"),
        (new DocumentNumberCheck(), "文号"),
        (new ImageAltCheck(), "图片替代文字"),
        (new MetadataCheck(), "公开属性与文号"),
        (new LeaderCheck(), "领导姓名与职务"),
        (new DisclosureDeadlineCheck(), "主动公开时限"),
    ];

    readonly TimeProvider _time = time ?? TimeProvider.System;
    readonly TimeSpan _budget = timeBudget ?? DefaultTimeBudget;
    readonly WorkingDayCalendar _calendar = calendar ?? WorkingDayCalendar.LoadEmbedded();

    public RuleSet Rules => rules;

    public CheckReport Run(CheckDraft draft) => Run(draft, CheckOccasion.BeforePublication);

    public CheckReport Run(CheckDraft draft, CheckOccasion occasion)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var deadline = CheckDeadline.Start(_time, _budget);
        var sanitized = sanitizer.Sanitize(draft.BodyHtml, () => deadline.Expired);
        var visible = VisibleText.ForItem(draft.Title, VisibleTextExtractor.Extract(sanitized.Html));
        var scan = ScanText.Of(visible.Text);
        var matches = new List<TermMatch>();
        rules.Automaton.Scan(scan.Text, matches);

        var context = new CheckContext(draft, visible, rules, matches, scan)
        {
            Today = WorkingDayCalendar.ChinaDate(_time.GetUtcNow()),
            Calendar = _calendar,
            Occasion = occasion,
        };
        var findings = new FindingCollector(visible, scan);
        var notRun = new List<string>();
        foreach (var (check, name) in Checks)
        {
            if (sanitized.Outcome == SanitizeOutcome.TimedOut || deadline.Expired)
            {
                notRun.Add(name);
                continue;
            }

            check.Run(context, findings);
        }

        ReportMarkup(sanitized.Outcome, context, findings);
        if (notRun.Count > 0)
        {
            var (start, length) = context.TitleRange;
            findings.Add(Aspects.Confidentiality, IncompleteRuleId, Severities.Block,
                $"自动检查未能在规定时间（{_budget.TotalSeconds:0.#} 秒）内完成，未完成的检查：{string.Join("、", notRun)}。"
                + "检查结果不完整，不能据此判断是否含有涉密或个人信息，不能通过。请精简或拆分正文后重新提交检查，并由审核人员逐段人工审看。",
                start, length);
        }

        return new CheckReport(findings.Findings, sanitized.Html) { Complete = notRun.Count == 0 };
    }

    static void ReportMarkup(SanitizeOutcome outcome, CheckContext context, FindingCollector findings)
    {
        if (outcome is SanitizeOutcome.TooDeep or SanitizeOutcome.TooComplex)
        {
            var (start, length) = context.TitleRange;
            findings.Add(Aspects.Textual, SimplifiedMarkupRuleId, Severities.Warn,
                outcome == SanitizeOutcome.TooDeep
                    ? $"正文的 HTML 标签嵌套超过 {ArticleSanitizer.MaxNestingDepth} 层，已按纯文本分段保存和检查，原排版未保留。请检查正文排版，必要时从原文件重新复制后提交。"
                    : "正文的 HTML 标签错乱（大量未闭合或交错的格式标签），已按纯文本分段保存和检查，原排版未保留。请检查正文排版，必要时从原文件重新复制后提交。",
                start, length);
        }
    }
}
