using System.Text.Json;
using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notifications;

namespace Publishing.Channels;

/// <summary>Input of <see cref="FinishPublishingActivity"/>; <paramref name="RunId"/> makes each publish run's audit entry distinct.</summary>
public sealed record FinishPublishing(string ItemId, int Version, IReadOnlyList<string> Channels, string SubmittedBy, string RunId);

/// <summary>Sets the item's status from every channel's record (so a later retry of one channel re-aggregates all) and notifies.</summary>
public sealed class FinishPublishingActivity(
    PublicationStore publications, ItemReadModel items, AuditTrail audit, INotifier notifier, TimeProvider time)
    : TaskActivity<FinishPublishing, PublishOutcome>
{
    public override async Task<PublishOutcome> RunAsync(TaskActivityContext context, FinishPublishing input)
    {
        var records = await publications.ListAsync(input.ItemId, input.Version);
        var results = input.Channels
            .Select(channel => records.FirstOrDefault(r => r.Channel == channel) is { } r
                ? new ChannelResult(channel, r.State, r.Url, r.LastError)
                : new ChannelResult(channel, PublicationStates.Pending, null, null))
            .ToList();
        string status = PublishStatuses.Aggregate(results.Select(r => r.State));
        DateTimeOffset now = time.GetUtcNow();

        await items.UpdateAsync(input.ItemId, r =>
        {
            if (r.Status != PublishStatuses.Retracted)
            {
                r.Status = status;
                r.Stage = null;
                r.UpdatedAt = now;
            }
        });
        await audit.AppendAsync(input.ItemId, new AuditEvent(
            $"v{input.Version}-publish-finished-{input.RunId}", "publish-finished", "system", now, null, input.Version,
            JsonSerializer.Serialize(new { status, channels = results.ToDictionary(r => r.Channel, r => r.State) })));

        string summary = string.Join("，", results.Select(r => $"{ChannelNames.Display(r.Channel)}{ChannelNames.DisplayState(r.State)}"));
        await notifier.NotifyAsync(new Notification($"{input.ItemId}-v{input.Version}-{input.RunId}-submitter",
            Recipients.User(input.SubmittedBy), "published", input.ItemId, $"稿件 {input.ItemId}（第{input.Version}版）发布结果：{summary}。", now));
        if (status != PublishStatuses.Published)
        {
            string problems = string.Join("；", results.Where(r => r.Error is not null).Select(r => $"{ChannelNames.Display(r.Channel)}：{r.Error}"));
            await notifier.NotifyAsync(new Notification($"{input.ItemId}-v{input.Version}-{input.RunId}-admin",
                Recipients.Role(Roles.Admin), "publish-problem", input.ItemId,
                $"稿件 {input.ItemId}（第{input.Version}版）未全部发布成功：{summary}。{problems}", now));
        }

        return new PublishOutcome(status, results);
    }
}
