using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Checks;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>
/// Records the automated pre-checks (四关) of a stored version. The submitting request ran them on what the editor sent
/// and stored the findings beside the version; they run here only when none were stored (versions from before that).
/// </summary>
public sealed class RunChecksActivity(
    ContentStore content, CheckPipeline checks, FindingsStore findings, ItemReadModel items, AuditTrail audit,
    ILogger<RunChecksActivity> logger)
    : TaskActivity<ItemVersionRef, CheckSummary>
{
    public override async Task<CheckSummary> RunAsync(TaskActivityContext context, ItemVersionRef input)
    {
        StoredVersion version = await content.GetVersionAsync(input.ItemId, input.Version)
            ?? throw new InvalidOperationException($"Version {input.Version} of item {input.ItemId} is not stored.");
        IReadOnlyList<Finding>? found = await findings.TryGetAsync(input.ItemId, input.Version);
        if (found is null)
        {
            VersionDocument document = VersionDocument.FromJson(version.MetadataJson);
            CheckReport report = checks.Run(new CheckDraft(
                document.Kind, document.Title, version.SanitizedHtml, document.Metadata, document.InterpretsItemId));
            await findings.SaveAsync(input.ItemId, input.Version, report.Findings);
            found = report.Findings;
        }

        var summary = new CheckSummary(
            found.Count(f => f.Severity == Severities.Block),
            found.Count(f => f.Severity == Severities.Warn),
            found.Count(f => f.Severity == Severities.Info));
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
