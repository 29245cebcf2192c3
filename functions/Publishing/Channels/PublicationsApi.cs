using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Review;

namespace Publishing.Channels;

/// <summary>Manual publication actions: retry a failed channel, retract from every channel, cancel a scheduled publication.</summary>
public static class PublicationsApi
{
    public sealed record RetractRequest(string? Reason);

    static readonly string[] Operators = [Roles.Admin, Roles.FinalReviewer];

    /// <summary><c>POST /api/items/{id}/channels/{channel}/retry</c> (Admin, FinalReviewer).</summary>
    public static async Task<IResult> RetryChannel(string id, string channel, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Operators, out _, out var denial))
        {
            return denial;
        }

        if (!Items.Channels.All.Contains(channel))
        {
            return ApiProblems.NotFound($"发布渠道“{channel}”不存在，只能是 website、wechat 或 weibo。");
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item)
        {
            return ItemsApi.ItemNotFound(id);
        }

        var channels = ItemView.From(item, []).Channels;
        if (item.ApprovedVersion is not { } version || !channels.Contains(channel))
        {
            return ApiProblems.Conflict($"稿件尚未通过终审，或未选择{ChannelNames.Display(channel)}渠道，不能重试。");
        }

        var record = await services.GetRequiredService<PublicationStore>().GetOrCreateAsync(id, version, channel, cancellationToken);
        if (record.State is not (PublicationStates.Failed or PublicationStates.Unknown))
        {
            return ApiProblems.Conflict($"{ChannelNames.Display(channel)}当前状态为“{ChannelNames.DisplayState(record.State)}”，只有发布失败或结果未知（已人工核实未发出）的渠道可以重试。");
        }

        if (record.State == PublicationStates.Unknown)
        {
            // A person has checked the platform and found nothing: allow one more send.
            await services.GetRequiredService<PublicationStore>().UpdateAsync(id, version, channel, r => r.State = PublicationStates.Failed, cancellationToken);
        }

        string instanceId = $"{id}-retry-{channel}-{Guid.NewGuid():N}";
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(RetryChannelOrchestrator),
            new RetryChannelInput(new PublishInput(id, version, item.ContentHash!, channels, null, item.SubmittedBy), channel),
            new StartOrchestrationOptions(instanceId), cancellationToken);
        return TypedResults.Accepted($"/api/items/{id}", new { id, channel, retry = instanceId });
    }

    /// <summary><c>POST /api/items/{id}/retract</c> <c>{reason}</c> (Admin, FinalReviewer).</summary>
    public static async Task<IResult> Retract(string id, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Operators, out var user, out var denial))
        {
            return denial;
        }

        var body = await JsonBody.ReadAsync<RetractRequest>(context.Request, 64 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (string.IsNullOrWhiteSpace(body.Value!.Reason))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["reason"] = ["请填写撤回原因，它将记入审计记录。"] });
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item)
        {
            return ItemsApi.ItemNotFound(id);
        }

        if (item.ApprovedVersion is not { } version
            || item.Status is not (PublishStatuses.Published or PublishStatuses.PartiallyPublished or PublishStatuses.Failed))
        {
            return ApiProblems.Conflict($"稿件当前状态为“{item.Status}”，只有已发布（含部分发布）的稿件可以撤回。");
        }

        string instanceId = RetractOrchestrator.InstanceIdFor(id, version);
        if (await durable.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return ApiProblems.Conflict("该稿件的撤回已在进行中或已完成。");
        }

        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(RetractOrchestrator),
            new RetractInput(id, version, ItemView.From(item, []).Channels, user.Id, body.Value.Reason.Trim()),
            new StartOrchestrationOptions(instanceId), cancellationToken);

        var after = await services.GetRequiredService<ItemReadModel>().WaitForAsync(id, r => r.Status == PublishStatuses.Retracted,
            services.GetRequiredService<ReviewOptions>().DecisionWait, cancellationToken);
        return after is null
            ? TypedResults.Accepted($"/api/items/{id}", await ItemsApi.ViewAsync(services, item, cancellationToken))
            : TypedResults.Ok(await ItemsApi.ViewAsync(services, after, cancellationToken));
    }

    /// <summary><c>POST /api/items/{id}/schedule/cancel</c> (the submitter or an Admin).</summary>
    public static async Task<IResult> CancelSchedule(string id, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item)
        {
            return ItemsApi.ItemNotFound(id);
        }

        if (item.SubmittedBy != user.Id && !user.IsInRole(Roles.Admin))
        {
            return ApiProblems.Forbidden("只有稿件提交人或管理员可以取消定时发布。");
        }

        if (item.Status != PublishStatuses.Scheduled || item.ApprovedVersion is not { } version)
        {
            return ApiProblems.Conflict("稿件当前不处于定时发布状态，无需取消。");
        }

        await durable.RaiseEventAsync(PublishInput.InstanceIdFor(id, version), ItemCommandTypes.EventName,
            new ItemCommand(PublishOrchestrator.CancelCommand, Guid.NewGuid().ToString("N"), user.Id, user.DisplayName, version,
                services.GetRequiredService<TimeProvider>().GetUtcNow()), cancellationToken);
        var after = await services.GetRequiredService<ItemReadModel>().WaitForAsync(id, r => r.Status != PublishStatuses.Scheduled,
            services.GetRequiredService<ReviewOptions>().DecisionWait, cancellationToken);
        return TypedResults.Ok(await ItemsApi.ViewAsync(services, after ?? item, cancellationToken));
    }
}
