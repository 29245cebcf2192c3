using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Checks;
using Publishing.Checks.Links;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>
/// Runs the automated pre-checks (四关) on a stored version, then checks its links (dead, non-government domain)
/// through the guarded fetcher, and records all findings together.
/// </summary>
public sealed class RunChecksActivity(
    ContentStore content, CheckPipeline checks, LinkChecker links, FindingsStore findings, ItemReadModel items, AuditTrail audit,
    ILogger<RunChecksActivity> logger)
    : TaskActivity<ItemVersionRef, CheckSummary>
{
    public override async Task<CheckSummary> RunAsync(TaskActivityContext context, ItemVersionRef input)
    {
        StoredVersion version = await content.GetVersionAsync(input.ItemId, input.Version)
            ?? throw new InvalidOperationException($"Version {input.Version} of item {input.ItemId} is not stored.");
        VersionDocument document = VersionDocument.FromJson(version.MetadataJson);

        CheckReport report = checks.Run(new CheckDraft(
            document.Kind, document.Title, version.SanitizedHtml, document.Metadata, document.InterpretsItemId));
        var linkFindings = await links.CheckAsync(version.SanitizedHtml);
        List<Finding> all = [.. report.Findings.Concat(linkFindings).OrderBy(f => Severities.Rank(f.Severity))];
        await findings.SaveAsync(input.ItemId, input.Version, all);

        var summary = new CheckSummary(
            all.Count(f => f.Severity == Severities.Block),
            all.Count(f => f.Severity == Severities.Warn),
            all.Count(f => f.Severity == Severities.Info));
        await items.UpdateAsync(input.ItemId, record =>
        {
            record.FindingsVersion = input.Version;
            record.BlockFindings = summary.Block;
            record.WarnFindings = summary.Warn;
            record.InfoFindings = summary.Info;
        });
        await audit.AppendAsync(input.ItemId, new AuditEvent(
            $"v{input.Version}-checks", AuditActions.ChecksRun, "system", DateTimeOffset.UtcNow, null, input.Version,
            $"{{\"block\":{summary.Block},\"warn\":{summary.Warn},\"info\":{summary.Info}}}"));
        ReviewLog.Checked(logger, input.ItemId, input.Version, summary.Block, summary.Warn, summary.Info);
        return summary;
    }
}
