using System.Text.Json;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Items;
using Publishing.Notifications;
using Publishing.Telemetry;

namespace Publishing.Lifecycle;

/// <summary>
/// Applies one step of an item's life: read model, audit entry, notifications. Every part is idempotent by the
/// event id, so a retried or replayed activity changes nothing twice.
/// </summary>
public sealed class ItemEventRecorder(
    ItemReadModel items, ItemReviewStore reviews, AuditTrail audit, INotifier notifier, ContentStore content, ILogger<ItemEventRecorder> logger)
{
    public async Task RecordAsync(ItemEvent e, CancellationToken cancellationToken = default)
    {
        VersionDocument? revised = e.Action == AuditActions.Revised ? await LoadDocumentAsync(e, cancellationToken) : null;
        if (e.Review is not null)
        {
            // The row first: once the status moves on, whoever waits for the decision finds it.
            await reviews.AddAsync(e.ItemId, e.Review, cancellationToken);
        }

        ItemStatus? reached = null;
        ItemRecord updated = await items.UpdateAsync(e.ItemId, record =>
        {
            reached = null;
            bool inOrder = e.Step == 0 || e.Step > record.Step;
            if (inOrder && e.Action == AuditActions.Resumed && record.Status == ItemStatus.NeedsAttention)
            {
                record.Status = record.ParkedFromStatus ?? ItemStatus.Submitted;
                record.Stage = record.ParkedFromStage;
                record.DueAt = record.ParkedFromDueAt;
                record.StageOpenedAt = record.ParkedFromStageOpenedAt;
                record.AttentionReason = null;
            }
            else if (inOrder && e.Status is { } status && ItemStatuses.MayReplace(record.Status, status))
            {
                reached = record.Status == status ? null : status;
                if (status == ItemStatus.NeedsAttention && record.Status != ItemStatus.NeedsAttention)
                {
                    record.ParkedFromStatus = record.Status;
                    record.ParkedFromStage = record.Stage;
                    record.ParkedFromDueAt = record.DueAt;
                    record.ParkedFromStageOpenedAt = record.StageOpenedAt;
                }

                record.AttentionReason = status == ItemStatus.NeedsAttention ? e.Details : null;
                if (status != ItemStatus.NeedsAttention)
                {
                    record.Stage = status == ItemStatus.InReview ? e.Stage : null;
                    record.DueAt = e.DueAt;
                    record.StageOpenedAt = status == ItemStatus.InReview ? e.At : null;
                    record.Version = e.Version;
                }

                record.Status = status;
            }

            if (e.Step > record.Step)
            {
                record.Step = e.Step;
            }

            if (e.Review is not null)
            {
                ItemReadModel.AddReview(record, e.Review);
            }

            if (revised is not null)
            {
                record.Title = revised.Title;
                record.MetadataJson = JsonSerializer.Serialize(revised.Metadata, ItemReadModel.Json);
                record.ChannelsJson = JsonSerializer.Serialize(revised.Channels, ItemReadModel.Json);
                record.PublishAt = revised.PublishAt;
            }

            record.UpdatedAt = e.At > record.UpdatedAt ? e.At : record.UpdatedAt;
        }, cancellationToken);
        await MoveEarlierReviewsToRowsAsync(updated, cancellationToken);
        if (reached is { } counted)
        {
            PublishingTelemetry.ItemReached(counted);
        }

        await audit.AppendAsync(e.ItemId, new AuditEvent(
            e.EventId, e.Action, e.Actor, e.At, e.Stage, e.Version, AuditDetails(e)), cancellationToken);

        int index = 0;
        foreach (NotificationRequest request in e.Notify ?? [])
        {
            await notifier.NotifyAsync(new Notification(
                $"{e.ItemId}-{e.EventId}-{index++}", request.Recipient, request.Kind, e.ItemId, request.Message, e.At), cancellationToken);
        }

        LifecycleLog.Recorded(logger, e.Action, e.EventId, e.ItemId);
    }

    /// <summary>A row written before review rows existed keeps every version's decisions in one column: move them out.</summary>
    async Task MoveEarlierReviewsToRowsAsync(ItemRecord record, CancellationToken cancellationToken)
    {
        var stored = ItemReadModel.StoredReviews(record);
        if (stored.All(r => r.Version == record.Version))
        {
            return;
        }

        // All of them: the current version's decisions in such a row were never written as rows either.
        foreach (ReviewRecord review in stored)
        {
            await reviews.AddAsync(record.Id, review, cancellationToken);
        }

        await items.UpdateAsync(record.Id, ItemReadModel.KeepCurrentVersionReviews, cancellationToken);
    }

    async Task<VersionDocument> LoadDocumentAsync(ItemEvent e, CancellationToken cancellationToken)
    {
        StoredVersion version = await content.GetVersionAsync(e.ItemId, e.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Version {e.Version} of item {e.ItemId} is not stored.");
        return VersionDocument.FromJson(version.MetadataJson);
    }

    static string? AuditDetails(ItemEvent e)
    {
        var details = new Dictionary<string, object?>();
        if (e.Status is not null) details["status"] = e.Status;
        if (e.DueAt is not null) details["dueAt"] = e.DueAt;
        if (e.Review is not null)
        {
            details["decision"] = e.Review.Decision;
            details["aspects"] = e.Review.Aspects;
            details["comment"] = e.Review.Comment;
        }
        else if (e.Details is not null)
        {
            details["comment"] = e.Details;
        }

        if (e.Notify is { Count: > 0 }) details["notified"] = e.Notify.Select(n => n.Recipient).ToList();
        return details.Count == 0 ? null : JsonSerializer.Serialize(details, ItemReadModel.Json);
    }
}
