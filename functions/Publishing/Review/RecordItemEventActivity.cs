using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Calendar;
using Publishing.Items;
using Publishing.Notifications;

namespace Publishing.Review;

/// <summary>
/// Applies one step of an item's life: read model, audit entry, notifications. Every part is idempotent by the
/// event id, so a retried or replayed activity changes nothing twice.
/// </summary>
public sealed class RecordItemEventActivity(
    ItemReadModel items, AuditTrail audit, INotifier notifier, ContentStore content,
    WorkingDayCalendar calendar, ReviewOptions options, ILogger<RecordItemEventActivity> logger)
    : TaskActivity<ItemEvent, StageDeadline?>
{
    public override async Task<StageDeadline?> RunAsync(TaskActivityContext context, ItemEvent e)
    {
        StageDeadline? deadline = e.OpensStage ? Deadline(e.At) : null;
        VersionDocument? revised = e.Action == AuditActions.Revised ? await LoadDocumentAsync(e) : null;

        await items.UpdateAsync(e.ItemId, record =>
        {
            if (e.Status is not null)
            {
                record.Status = e.Status;
                record.Stage = e.Status == ItemStatuses.InReview ? e.Stage : null;
                record.DueAt = deadline?.DueAt;
                record.StageOpenedAt = e.OpensStage ? e.At : null;
                record.Version = e.Version;
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
        });

        await audit.AppendAsync(e.ItemId, new AuditEvent(
            e.EventId, e.Action, e.Actor, e.At, e.Stage, e.Version, AuditDetails(e, deadline)));

        int index = 0;
        foreach (NotificationRequest request in e.Notify ?? [])
        {
            await notifier.NotifyAsync(new Notification(
                $"{e.ItemId}-{e.EventId}-{index++}", request.Recipient, request.Kind, e.ItemId, request.Message, e.At));
        }

        ReviewLog.Recorded(logger, e.Action, e.EventId, e.ItemId);
        return deadline;
    }

    StageDeadline Deadline(DateTimeOffset openedAt) => options.DueAfter is { } fixedDue
        ? new StageDeadline(openedAt + fixedDue, openedAt + 2 * fixedDue)
        : new StageDeadline(
            calendar.AddWorkingDays(openedAt, options.DueWorkingDays),
            calendar.AddWorkingDays(openedAt, 2 * options.DueWorkingDays));

    async Task<VersionDocument> LoadDocumentAsync(ItemEvent e)
    {
        StoredVersion version = await content.GetVersionAsync(e.ItemId, e.Version)
            ?? throw new InvalidOperationException($"Version {e.Version} of item {e.ItemId} is not stored.");
        return VersionDocument.FromJson(version.MetadataJson);
    }

    static string? AuditDetails(ItemEvent e, StageDeadline? deadline)
    {
        var details = new Dictionary<string, object?>();
        if (e.Status is not null) details["status"] = e.Status;
        if (deadline is not null) details["dueAt"] = deadline.DueAt;
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
