using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Tests.Checks;

/// <summary>One pipeline over the shipped rule files, shared by the tests like the singleton in production.</summary>
static class CheckRunner
{
    public static readonly string RulesFolder = Path.Combine(AppContext.BaseDirectory, "Checks", "Rules");

    // A generous budget: these tests assert findings, and a loaded machine must not turn them into "incomplete".
    // CheckBudgetTests drive the budget with a clock of their own.
    static readonly Lazy<CheckPipeline> Shared = new(() => new CheckPipeline(new ArticleSanitizer(), RuleSetLoader.Load(RulesFolder), TimeProvider.System, TimeSpan.FromMinutes(10)));

    public static CheckPipeline Pipeline => Shared.Value;

    /// <summary>Runs the checks on a body given as plain lines, one &lt;p&gt; per line.</summary>
    public static CheckReport Body(string body, string title = "关于做好政务公开工作的通知", string kind = ItemKinds.News, ItemMetadata? metadata = null, string? interpretsItemId = null) =>
        Html(Paragraphs(body), title, kind, metadata, interpretsItemId);

    public static CheckReport Html(string html, string title = "关于做好政务公开工作的通知", string kind = ItemKinds.News, ItemMetadata? metadata = null, string? interpretsItemId = null) =>
        Pipeline.Run(new CheckDraft(kind, title, html, metadata ?? new ItemMetadata(DisclosureMode: DisclosureModes.Proactive), interpretsItemId));

    public static string Paragraphs(string text) =>
        string.Concat(text.Split('\n').Select(line => "<p>" + System.Net.WebUtility.HtmlEncode(line) + "</p>"));

    public static IEnumerable<Finding> Rule(this CheckReport report, string ruleIdPrefix) =>
        report.Findings.Where(f => f.RuleId.StartsWith(ruleIdPrefix, StringComparison.Ordinal));
}
