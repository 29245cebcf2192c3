using System.Text.Json;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notifications;
using Publishing.Telemetry;

namespace Publishing.Lifecycle;

/// <summary>
/// Sets an item's status from every channel's record (so a retry or a resolution of one channel re-aggregates all),
/// audits it and tells the people concerned.
/// </summary>
public sealed class ItemStatusAggregator(
    PublicationStore publications, ItemReadModel items, AuditTrail audit, INotifier notifier, TimeProvider time,
    ILogger<ItemStatusAggregator> logger)
{
    /// <param name="runId">Distinguishes the audit entry and notifications of each publishing run (first run, retries).</param>
    public async Task<PublishOutcome> AfterPublishingAsync(
        string itemId, int version, IReadOnlyList<string> channels, string runId, CancellationToken cancellationToken = default)
    {
        var results = await ResultsAsync(itemId, version, channels, cancellationToken);
        ItemStatus status = ItemStatusRules.AfterPublishing(results.Select(r => r.State));
        ItemRecord record = await SetStatusAsync(itemId, version, status, cancellationToken);
        DateTimeOffset now = time.GetUtcNow();
        await audit.AppendAsync(itemId, new AuditEvent(
            $"v{version}-publish-finished-{runId}", AuditActions.PublishFinished, "system", now, null, version,
            JsonSerializer.Serialize(new { status, channels = results.ToDictionary(r => r.Channel, r => r.State) })), cancellationToken);

        string summary = Summary(results);
        await notifier.NotifyAsync(new Notification($"{itemId}-v{version}-{runId}-submitter",
            Recipients.User(record.SubmittedBy), "published", itemId, $"稿件 {itemId}（第{version}版）发布结果：{summary}。", now), cancellationToken);
        if (status != ItemStatus.Published)
        {
            await notifier.NotifyAsync(new Notification($"{itemId}-v{version}-{runId}-admin",
                Recipients.Role(Roles.Admin), "publish-problem", itemId,
                $"稿件 {itemId}（第{version}版）未全部发布成功：{summary}。{Problems(results)}", now), cancellationToken);
        }

        return new PublishOutcome(record.Status, results);
    }

    /// <summary>Retracted when every channel is confirmed down, else RetractFailed with each channel's reason.</summary>
    public async Task<PublishOutcome> AfterRetractionAsync(
        string itemId, int version, IReadOnlyList<string> channels, string actor, int round, CancellationToken cancellationToken = default)
    {
        var results = await ResultsAsync(itemId, version, channels, cancellationToken);
        ItemStatus status = ItemStatusRules.AfterRetraction(results.Select(r => r.State));
        ItemRecord record = await SetStatusAsync(itemId, version, status, cancellationToken);
        DateTimeOffset now = time.GetUtcNow();
        await audit.AppendAsync(itemId, new AuditEvent(
            $"v{version}-retract-finished-r{round}", status == ItemStatus.Retracted ? AuditActions.Retracted : AuditActions.RetractFailed, actor, now, null, version,
            JsonSerializer.Serialize(new
            {
                status,
                channels = results.ToDictionary(r => r.Channel, r => new { state = r.State, error = r.Error }),
            })), cancellationToken);
        if (status != ItemStatus.Retracted)
        {
            await notifier.NotifyAsync(new Notification($"{itemId}-v{version}-retract-r{round}-admin",
                Recipients.Role(Roles.Admin), "retract-problem", itemId,
                $"稿件 {itemId}（第{version}版）未能从全部渠道撤下：{Summary(results)}。{Problems(results)}请处理后再次撤回。", now), cancellationToken);
        }

        return new PublishOutcome(record.Status, results);
    }

    /// <summary>After a person resolved a channel: recompute whichever phase the item is in.</summary>
    public async Task<ItemRecord> RefreshAsync(string itemId, int version, IReadOnlyList<string> channels, CancellationToken cancellationToken = default)
    {
        var results = await ResultsAsync(itemId, version, channels, cancellationToken);
        ItemRecord current = (await items.GetAsync(itemId, cancellationToken))!;
        ItemStatus status = current.Status.IsRetraction()
            ? ItemStatusRules.AfterRetraction(results.Select(r => r.State))
            : ItemStatusRules.AfterPublishing(results.Select(r => r.State));
        return await SetStatusAsync(itemId, version, status, cancellationToken);
    }

    async Task<List<ChannelResult>> ResultsAsync(string itemId, int version, IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        var records = await publications.ListAsync(itemId, version, cancellationToken);
        return channels
            .Select(channel => records.FirstOrDefault(r => r.Channel == channel) is { } r
                ? new ChannelResult(channel, r.State, r.Url, r.LastError)
                : new ChannelResult(channel, ChannelState.Pending, null, null))
            .ToList();
    }

    async Task<ItemRecord> SetStatusAsync(string itemId, int version, ItemStatus status, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        bool changed = false;
        var record = await items.UpdateAsync(itemId, r =>
        {
            // A publishing result never overwrites a retraction that started meanwhile.
            changed = r.Status != status && ItemStatuses.MayReplace(r.Status, status);
            if (changed)
            {
                r.Status = status;
                r.Stage = null;
                r.UpdatedAt = now;
            }
        }, cancellationToken);
        LifecycleLog.StatusSet(logger, itemId, version, record.Status.ToString());
        if (changed)
        {
            PublishingTelemetry.ItemReached(status);
        }

        return record;
    }

    static string Summary(IEnumerable<ChannelResult> results) =>
        string.Join("，", results.Select(r => $"{ChannelDisplay.Name(r.Channel)}{r.State.DisplayName()}"));

    static string Problems(IEnumerable<ChannelResult> results) =>
        string.Join("；", results.Where(r => r.Error is not null).Select(r => $"{ChannelDisplay.Name(r.Channel)}：{r.Error}"));
}
