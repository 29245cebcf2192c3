using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Items;
using Publishing.Notifications;

namespace Publishing.Review;

/// <summary>After 终审: freezes the approved version by recording its SHA-256 content hash.</summary>
public sealed class ApproveItemActivity(ContentStore content, ItemReadModel items, AuditTrail audit, INotifier notifier)
    : TaskActivity<ItemVersionRef, ApprovalRecord>
{
    public override async Task<ApprovalRecord> RunAsync(TaskActivityContext context, ItemVersionRef input)
    {
        StoredVersion version = await content.GetVersionAsync(input.ItemId, input.Version)
            ?? throw new InvalidOperationException($"Version {input.Version} of item {input.ItemId} is not stored.");

        // The hash recorded at storage time must still match the bytes: what is approved is what was reviewed.
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version.SanitizedHtml)));
        if (hash != version.ContentHash)
        {
            throw new InvalidOperationException($"Stored content of {input.ItemId} v{input.Version} does not match its recorded hash.");
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        ItemRecord record = await items.UpdateAsync(input.ItemId, r =>
        {
            if (r.Status != ItemStatuses.Approved)
            {
                r.Status = ItemStatuses.Approved;
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
        return new ApprovalRecord(input.ItemId, input.Version, hash, record.UpdatedAt);
    }
}
