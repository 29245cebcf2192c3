using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Notifications;

namespace Publishing.Review;

/// <summary>After 终审: freezes the approved version by recording its SHA-256 content hash.</summary>
public sealed class ApproveItemActivity(
    ContentStore content, ItemReadModel items, AuditTrail audit, INotifier notifier, ILogger<ApproveItemActivity> logger)
    : TaskActivity<ApproveVersion, ApprovalRecord>
{
    public override async Task<ApprovalRecord> RunAsync(TaskActivityContext context, ApproveVersion input)
    {
        StoredVersion version = await content.GetVersionAsync(input.ItemId, input.Version)
            ?? throw new InvalidOperationException($"Version {input.Version} of item {input.ItemId} is not stored.");

        // Recorded now, checked again before anything is sent: what is published is exactly what was approved.
        string hash = version.ContentHash;

        DateTimeOffset now = DateTimeOffset.UtcNow;
        ItemRecord record = await items.UpdateAsync(input.ItemId, r =>
        {
            // Step order: a late duplicate run never moves an item that went on (scheduled, published) back.
            if (r.Status != ItemStatus.Approved && (input.Step == 0 || input.Step > r.Step))
            {
                r.Step = Math.Max(r.Step, input.Step);
                r.Status = ItemStatus.Approved;
                r.Stage = null;
                r.DueAt = null;
                r.ApprovedVersion = input.Version;
                r.ContentHash = hash;
                r.UpdatedAt = now;
            }
        });

        await audit.AppendAsync(input.ItemId, new AuditEvent(
            $"v{input.Version}-approved", AuditActions.Approved, "system", now, null, input.Version,
            $"{{\"contentHash\":\"{hash}\"}}"));
        await notifier.NotifyAsync(new Notification(
            $"{input.ItemId}-v{input.Version}-approved", Recipients.User(record.SubmittedBy), "approved", input.ItemId,
            $"您提交的稿件《{record.Title}》（第{input.Version}版）已通过终审。", now));
        ReviewLog.Approved(logger, input.ItemId, input.Version, hash);
        var document = VersionDocument.FromJson(version.MetadataJson);
        return new ApprovalRecord(input.ItemId, input.Version, hash, record.UpdatedAt, document.Channels, document.PublishAt);
    }
}
