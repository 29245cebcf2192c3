using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Assets;
using Publishing.Audit;
using Publishing.Checks;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>Runs the automated pre-checks (四关) on a stored version and records the findings.</summary>
public sealed class RunChecksActivity(
    ContentStore content, CheckPipeline checks, FindingsStore findings, ItemReadModel items, AuditTrail audit,
    ILogger<RunChecksActivity> logger, SubmissionAssets assets)
    : TaskActivity<ItemVersionRef, CheckSummary>
{
    public override async Task<CheckSummary> RunAsync(TaskActivityContext context, ItemVersionRef input)
    {
        StoredVersion version = await content.GetVersionAsync(input.ItemId, input.Version)
            ?? throw new InvalidOperationException($"Version {input.Version} of item {input.ItemId} is not stored.");
        VersionDocument document = VersionDocument.FromJson(version.MetadataJson);

        CheckReport body = checks.Run(new CheckDraft(
            document.Kind, document.Title, version.SanitizedHtml, document.Metadata, document.InterpretsItemId));
        // An attachment's findings count like the body's: a block in a file prevents approval too.
        var attached = await assets.RecordsAsync((document.Attachments ?? []).Select(a => a.AssetId), CancellationToken.None);
        var report = body with { Findings = [.. body.Findings, .. attached.SelectMany(a => a.Findings)] };
        await findings.SaveAsync(input.ItemId, input.Version, report.Findings);

        var summary = new CheckSummary(
            report.Findings.Count(f => f.Severity == Severities.Block),
            report.Findings.Count(f => f.Severity == Severities.Warn),
            report.Findings.Count(f => f.Severity == Severities.Info));
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
