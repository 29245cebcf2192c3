using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Publishing.Audit;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>
/// What a person may do to an approved item's channels: retry, resolve an unknown outcome, retract. Each is claimed
/// with a conditional write first, so two people pressing the same button at once start one action.
/// </summary>
public sealed class ChannelCommands(
    ItemReadModel items, PublicationStore publications, ItemStatusAggregator aggregator, AuditTrail audit,
    IOptions<RetractOptions> retractOptions, TimeProvider time)
{
    public abstract record Outcome;
    public sealed record NotFound(string Detail) : Outcome;
    public sealed record Refused(string Detail) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;
    public sealed record Started(string InstanceId, ItemRecord Item) : Outcome;
    public sealed record Done(ItemRecord Item) : Outcome;

    public const string RetryInProgress = "该渠道已在重试中";

    /// <summary>A claimed retry whose orchestration does not exist this long after is taken to have lost its start.</summary>
    static readonly TimeSpan LostStartAfter = TimeSpan.FromMinutes(1);

    /// <summary>Claims a new attempt of a failed channel (failed → pending, attempt + 1) and starts it under that attempt's instance id.</summary>
    public async Task<Outcome> RetryAsync(CurrentUser user, string id, string channel, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await ApprovedAsync(id, channel, cancellationToken) is not (ItemRecord item, int version))
        {
            return await NotApprovedAsync(id, channel, cancellationToken);
        }

        if (item.Status.IsRetraction())
        {
            return new Refused($"稿件当前状态为“{item.Status.DisplayName()}”，已撤回或正在撤回的稿件不能再发布。");
        }

        var channels = ItemReadModel.Channels(item);
        if (channel != Items.Channels.Website && channels.Contains(Items.Channels.Website)
            && (await publications.GetAsync(id, version, Items.Channels.Website, cancellationToken))?.State.IsDone() != true)
        {
            return new Refused("政府网站尚未发布成功，微博、微信将链接到不存在的页面。请先重试政府网站渠道，成功后会自动发送其他渠道。");
        }

        var record = await publications.GetOrCreateAsync(id, version, channel, cancellationToken);
        if (record.State == ChannelState.Pending && record.Attempts > 1)
        {
            // Claimed by someone else. Only a claim whose start was lost long ago (a crash between claim and start) is
            // started again here; a fresh one is being started by its claimant right now.
            return record.UpdatedAt < time.GetUtcNow() - LostStartAfter
                ? await StartRetryAsync(item, version, channel, record.Attempts, durable, onlyIfMissing: true, cancellationToken)
                : new Refused(RetryInProgress + "，请稍候刷新查看结果。");
        }

        var claimed = await publications.TransitionAsync(id, version, channel, ChannelState.Pending, TransitionCause.Retry,
            r => r with
            {
                Attempts = r.Attempts + 1,
                LastError = null,
                // The earlier publish job ended: its id must not be awaited or polled again.
                PublishId = null,
                ArticleId = null,
            },
            cancellationToken: cancellationToken);
        if (!claimed.Applied)
        {
            return claimed.Current.State switch
            {
                ChannelState.Pending or ChannelState.Sending => new Refused(claimed.Current.Attempts > 1 ? RetryInProgress + "，请稍候刷新查看结果。" : $"{ChannelDisplay.Name(channel)}正在发布中，请稍候刷新查看结果。"),
                ChannelState.Unknown or ChannelState.PendingReview => new Refused(
                    $"{ChannelDisplay.Name(channel)}当前状态为“{claimed.Current.State.DisplayName()}”：可能已经发出。请先登录平台核实并登记结果（/resolve），核实未发出后才能重试。"),
                _ => new Refused($"{ChannelDisplay.Name(channel)}当前状态为“{claimed.Current.State.DisplayName()}”，只有发布失败的渠道可以重试。"),
            };
        }

        await audit.AppendAsync(id, new AuditEvent(
            $"v{version}-{channel}-retry-a{claimed.Current.Attempts}", AuditActions.RetryClaimed, user.Id, time.GetUtcNow(), null, version,
            JsonSerializer.Serialize(new { channel, attempt = claimed.Current.Attempts })), cancellationToken);
        return await StartRetryAsync(item, version, channel, claimed.Current.Attempts, durable, onlyIfMissing: false, cancellationToken);
    }

    async Task<Outcome> StartRetryAsync(ItemRecord item, int version, string channel, int attempt, DurableTaskClient durable, bool onlyIfMissing, CancellationToken cancellationToken)
    {
        string instanceId = ItemInstances.Retry(item.Id, version, channel, attempt);
        if (onlyIfMissing && await durable.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return new Refused(RetryInProgress + "，请稍候刷新查看结果。");
        }

        var publish = new PublishInput(item.Id, version, item.ContentHash!, ItemReadModel.Channels(item), null, item.SubmittedBy);
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(RetryChannelOrchestrator),
            new RetryChannelInput(publish, channel, attempt), new StartOrchestrationOptions(instanceId), cancellationToken);
        return new Started(instanceId, item);
    }

    /// <summary>A person records what they found on the platform for a channel whose outcome the workflow could not know.</summary>
    public async Task<Outcome> ResolveAsync(CurrentUser user, string id, string channel, ResolveRequest request, CancellationToken cancellationToken)
    {
        if (Validate(channel, request) is { Count: > 0 } errors)
        {
            return new Invalid(errors);
        }

        if (await ApprovedAsync(id, channel, cancellationToken) is not (ItemRecord item, int version))
        {
            return await NotApprovedAsync(id, channel, cancellationToken);
        }

        bool posted = request.Outcome == ResolveRequest.Posted;
        var record = await publications.GetOrCreateAsync(id, version, channel, cancellationToken);
        ChannelState to = posted ? ChannelState.Published : record.State == ChannelState.RetractFailed ? ChannelState.Retracted : ChannelState.Failed;
        string note = request.Note!.Trim();
        var resolved = await publications.TransitionAsync(id, version, channel, to, TransitionCause.Resolution, r => posted
            ? r with
            {
                WeiboId = channel == Items.Channels.Weibo ? request.RemoteId ?? r.WeiboId : r.WeiboId,
                ArticleId = channel == Items.Channels.WeChat ? request.RemoteId ?? r.ArticleId : r.ArticleId,
                Url = request.Url ?? r.Url,
                LastError = null,
            }
            : r with { LastError = $"{user.DisplayName}核实：{note}" }, cancellationToken: cancellationToken);
        if (!resolved.Applied)
        {
            return new Refused($"{ChannelDisplay.Name(channel)}当前状态为“{resolved.Current.State.DisplayName()}”，无需登记核实结果。只有结果未知、待平台审核或撤回失败的渠道需要人工登记。");
        }

        await audit.AppendAsync(id, new AuditEvent(
            $"v{version}-{channel}-resolve-{Guid.NewGuid():N}", AuditActions.Resolved, user.Id, time.GetUtcNow(), null, version,
            JsonSerializer.Serialize(new
            {
                channel, outcome = request.Outcome, from = record.State, to, remoteId = request.RemoteId, url = request.Url, note,
            })), cancellationToken);
        return new Done(await aggregator.RefreshAsync(id, version, ItemReadModel.Channels(item), cancellationToken));
    }

    /// <summary>Starts a retraction round: claimed on the item row, so concurrent requests start one.</summary>
    public async Task<Outcome> RetractAsync(CurrentUser user, string id, string reason, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await items.GetAsync(id, cancellationToken) is not { } item)
        {
            return new NotFound($"稿件 {id} 不存在，请检查稿件编号。");
        }

        if (item.ApprovedVersion is not { } version)
        {
            return new Refused($"稿件当前状态为“{item.Status.DisplayName()}”，只有已发布（含部分发布）的稿件可以撤回。");
        }

        var options = retractOptions.Value;
        if (item.Status == ItemStatus.Retracting)
        {
            string running = ItemInstances.Retract(id, version, item.RetractRounds);
            if (await durable.GetInstanceAsync(running, cancellationToken) is not null)
            {
                return new Refused("该稿件的撤回正在进行中，请稍候刷新查看结果。");
            }

            return await ScheduleRetractAsync(item, version, user, reason, durable, cancellationToken);
        }

        var claimed = await items.TryChangeAsync(id, r =>
        {
            if (!(r.Status.IsPublication() || r.Status is ItemStatus.RetractFailed or ItemStatus.Publishing or ItemStatus.Scheduled))
            {
                return false;
            }

            r.Status = ItemStatus.Retracting;
            r.RetractRounds++;
            r.UpdatedAt = time.GetUtcNow();
            return true;
        }, cancellationToken);
        if (claimed is null)
        {
            var now = await items.GetAsync(id, cancellationToken);
            return new Refused(now?.Status == ItemStatus.Retracting
                ? "该稿件的撤回正在进行中，请稍候刷新查看结果。"
                : $"稿件当前状态为“{now?.Status.DisplayName()}”，只有已发布（含部分发布）或撤回未完成的稿件可以撤回。");
        }

        return await ScheduleRetractAsync(claimed, version, user, reason, durable, cancellationToken);

        async Task<Outcome> ScheduleRetractAsync(ItemRecord row, int v, CurrentUser actor, string why, DurableTaskClient client, CancellationToken ct)
        {
            string instanceId = ItemInstances.Retract(row.Id, v, row.RetractRounds);
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(RetractOrchestrator),
                new RetractInput(row.Id, v, ItemReadModel.Channels(row), actor.Id, why, row.RetractRounds, options.WaitInterval, options.MaxWaits),
                new StartOrchestrationOptions(instanceId), ct);
            return new Started(instanceId, row);
        }
    }

    async Task<(ItemRecord Item, int Version)?> ApprovedAsync(string id, string channel, CancellationToken cancellationToken) =>
        Items.Channels.All.Contains(channel) && await items.GetAsync(id, cancellationToken) is { ApprovedVersion: { } version } item
            && ItemReadModel.Channels(item).Contains(channel)
            ? (item, version)
            : null;

    async Task<Outcome> NotApprovedAsync(string id, string channel, CancellationToken cancellationToken)
    {
        if (!Items.Channels.All.Contains(channel))
        {
            return new NotFound($"发布渠道“{channel}”不存在，只能是 website、wechat 或 weibo。");
        }

        return await items.GetAsync(id, cancellationToken) is null
            ? new NotFound($"稿件 {id} 不存在，请检查稿件编号。")
            : new Refused($"稿件尚未通过终审，或未选择{ChannelDisplay.Name(channel)}渠道。");
    }

    static Dictionary<string, string[]> Validate(string channel, ResolveRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Outcome is not (ResolveRequest.Posted or ResolveRequest.NotPosted))
            errors["outcome"] = ["请填写核实结果：posted（平台上已发出）或 notPosted（平台上没有）。"];
        if (string.IsNullOrWhiteSpace(request.Note))
            errors["note"] = ["请填写核实说明（如何核实、在哪里看到），它将记入审计记录。"];
        else if (request.Note.Length > 2000)
            errors["note"] = ["核实说明不能超过 2000 字。"];
        if (channel == Items.Channels.Website)
            errors["channel"] = ["政府网站由本系统直接发布，无需人工登记结果；失败时请直接重试。"];
        if (request.RemoteId is { } remoteId && (remoteId.Length > 128 || remoteId.Any(char.IsControl)
            || (channel == Items.Channels.Weibo && !remoteId.All(char.IsAsciiDigit))))
            errors["remoteId"] = [channel == Items.Channels.Weibo ? "微博 ID 应为数字，例如 5170000000000001。" : "平台 ID 格式不正确。"];
        if (request.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            errors["url"] = ["链接应为完整的 http(s) 地址。"];
        return errors;
    }
}

/// <summary>The body of <c>POST /api/items/{id}/channels/{channel}/resolve</c>.</summary>
/// <param name="Outcome"><c>posted</c> or <c>notPosted</c>.</param>
/// <param name="RemoteId">The Weibo id or WeChat article id found on the platform, so a retraction can reach the post.</param>
public sealed record ResolveRequest(string? Outcome, string? RemoteId, string? Url, string? Note)
{
    public const string Posted = "posted";
    public const string NotPosted = "notPosted";
}
