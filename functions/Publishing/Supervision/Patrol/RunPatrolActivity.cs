using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Publishing.Lifecycle;
using Publishing.Checks;
using Publishing.Items;
using Publishing.Review;

namespace Publishing.Supervision.Patrol;

/// <summary>
/// Re-runs the current checks over every published website page and stores what is new since the last patrol.
/// The rules are those loaded at host start (Checks:RulesPath): an edited rule set takes effect after a restart.
/// </summary>
public sealed class RunPatrolActivity(
    SupervisionSources sources, SupervisionStore store, ContentStore content, FindingsStore findings, CheckPipeline checks,
    IOptions<SupervisionOptions> options, ILogger<RunPatrolActivity> logger)
    : TaskActivity<MonitorTick, MonitorRound>
{
    public const string ReportName = "patrol-latest";

    public override async Task<MonitorRound> RunAsync(TaskActivityContext context, MonitorTick input)
    {
        var results = new List<PatrolItemResult>();
        var entries = await sources.SiteEntriesAsync();
        foreach (var entry in entries.OrderBy(e => e.RowKey, StringComparer.Ordinal))
        {
            if (await content.GetVersionAsync(entry.ItemId, entry.Version) is not { } stored)
            {
                SupervisionLog.PatrolMissingVersion(logger, entry.ItemId, entry.Version);
                continue;
            }

            var document = VersionDocument.FromJson(stored.MetadataJson);
            var current = checks.Run(new CheckDraft(document.Kind, document.Title, stored.SanitizedHtml, document.Metadata, document.InterpretsItemId), CheckOccasion.Patrol).Findings;
            // First patrol of an item: what the reviewers saw at approval is not news.
            var previous = await store.GetFingerprintsAsync(entry.ItemId)
                ?? (await findings.GetAsync(entry.ItemId, entry.Version)).SelectMany(PatrolEvaluator.Fingerprints).ToHashSet();
            var fresh = PatrolEvaluator.NewFindings(current, previous);
            if (fresh.Count > 0)
            {
                results.Add(new PatrolItemResult(entry.ItemId, entry.Title, entry.Path, fresh));
            }

            await store.SaveFingerprintsAsync(entry.ItemId, current.SelectMany(PatrolEvaluator.Fingerprints));
        }

        await store.SaveReportAsync(ReportName, new PatrolReport(input.Now, entries.Count, checks.Rules.Rules.Count, results));
        SupervisionLog.Round(logger, nameof(RunPatrolActivity), entries.Count, results.Count);
        return new MonitorRound(options.Value.PatrolPeriod, results.Count);
    }
}
