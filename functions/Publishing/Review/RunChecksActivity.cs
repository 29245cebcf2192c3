using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Assets;
using Publishing.Audit;
using Publishing.Checks;
using Publishing.Checks.Links;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>
/// Records the automated pre-checks (四关) of a stored version: the body's findings the submitting request stored
/// (run here when none were stored), the links checked through the guarded fetcher (dead, non-government domain)
/// and the attachments' findings, saved together.
/// </summary>
public sealed class RunChecksActivity(
    ContentStore content, CheckPipeline checks, LinkChecker links, FindingsStore findings, ItemReadModel items, AuditTrail audit,
    ILogger<RunChecksActivity> logger, SubmissionAssets assets)
    : TaskActivity<ItemVersionRef, CheckSummary>
{
    public override async Task<CheckSummary> RunAsync(TaskActivityContext context, ItemVersionRef input)
    {
        StoredVersion version = await content.GetVersionAsync(input.ItemId, input.Version)
            ?? throw new InvalidOperationException($"Version {input.Version} of item {input.ItemId} is not stored.");
        VersionDocument document = VersionDocument.FromJson(version.MetadataJson);
        IReadOnlyList<Finding>? stored = await findings.TryGetAsync(input.ItemId, input.Version);
        // Only the body's own findings are kept from what was stored; links and files are judged again, so a re-run of
        // this step never counts them twice.
        IReadOnlyList<Finding> bodyFindings = stored?.Where(f => f.Source is null && !LinkChecker.IsLinkFinding(f)).ToList()
            ?? checks.Run(new CheckDraft(document.Kind, document.Title, version.SanitizedHtml, document.Metadata, document.InterpretsItemId)).Findings;
        var linkFindings = await links.CheckAsync(version.SanitizedHtml);
        // An attachment's findings count like the body's: a block in a file prevents approval too.
        var attached = await assets.RecordsAsync((document.Attachments ?? []).Select(a => a.AssetId), CancellationToken.None);
        List<Finding> found = [.. bodyFindings.Concat(linkFindings).Concat(attached.SelectMany(a => a.Findings))
            .OrderBy(f => Severities.Rank(f.Severity))];
        await findings.SaveAsync(input.ItemId, input.Version, found);

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
