using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Manual publication actions: retry a failed channel, resolve an unknown outcome, retract, cancel a scheduled publication.</summary>
public static class PublicationsApi
{
    public sealed record RetractRequest(string? Reason);

    public sealed record RetryAccepted(string Id, string Channel, string Retry);

    static readonly string[] Operators = [Roles.Admin, Roles.FinalReviewer];

    /// <summary><c>POST /api/items/{id}/channels/{channel}/retry</c> (Admin, FinalReviewer).</summary>
    public static async Task<IResult> RetryChannel(string id, string channel, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Operators, out var user, out var denial))
        {
            return denial;
        }

        var outcome = await context.RequestServices.GetRequiredService<ChannelCommands>().RetryAsync(user, id, channel, durable, cancellationToken);
        return outcome is ChannelCommands.Started started
            ? TypedResults.Accepted($"/api/items/{id}", new RetryAccepted(id, channel, started.InstanceId))
            : await ToResultAsync(context, outcome, cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/items/{id}/channels/{channel}/resolve</c> <c>{outcome, remoteId?, url?, note}</c> (Admin, FinalReviewer):
    /// what a person found on the platform for an outcome the workflow could not know.
    /// </summary>
    public static async Task<IResult> ResolveChannel(string id, string channel, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Operators, out var user, out var denial))
        {
            return denial;
        }

        var body = await JsonBody.ReadAsync<ResolveRequest>(context.Request, 64 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var outcome = await context.RequestServices.GetRequiredService<ChannelCommands>().ResolveAsync(user, id, channel, body.Value!, cancellationToken);
        return await ToResultAsync(context, outcome, cancellationToken);
    }

    /// <summary><c>POST /api/items/{id}/retract</c> <c>{reason}</c> (Admin, FinalReviewer); may run again for channels not confirmed down.</summary>
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
        var outcome = await services.GetRequiredService<ChannelCommands>().RetractAsync(user, id, body.Value.Reason.Trim(), durable, cancellationToken);
        if (outcome is not ChannelCommands.Started started)
        {
            return await ToResultAsync(context, outcome, cancellationToken);
        }

        var after = await services.GetRequiredService<ItemReadModel>().WaitForAsync(id, r => r.Status is ItemStatus.Retracted or ItemStatus.RetractFailed,
            services.GetRequiredService<LifecycleOptions>().DecisionWait, cancellationToken);
        return after is null
            ? TypedResults.Accepted($"/api/items/{id}", await ItemViews.ViewAsync(services, started.Item, cancellationToken))
            : TypedResults.Ok(await ItemViews.ViewAsync(services, after, cancellationToken));
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
            return ItemViews.NotFound(id);
        }

        if (item.SubmittedBy != user.Id && !user.IsInRole(Roles.Admin))
        {
            return ApiProblems.Forbidden("只有稿件提交人或管理员可以取消定时发布。");
        }

        if (item.Status != ItemStatus.Scheduled || item.ApprovedVersion is not { } version)
        {
            return ApiProblems.Conflict("稿件当前不处于定时发布状态，无需取消。");
        }

        await durable.RaiseEventAsync(ItemInstances.Publish(id, version), ItemCommand.EventName,
            new ItemCommand(ItemCommandType.CancelSchedule, Guid.NewGuid().ToString("N"), user.Id, user.DisplayName, version,
                services.GetRequiredService<TimeProvider>().GetUtcNow()), cancellationToken);
        var after = await services.GetRequiredService<ItemReadModel>().WaitForAsync(id, r => r.Status != ItemStatus.Scheduled,
            services.GetRequiredService<LifecycleOptions>().DecisionWait, cancellationToken);
        return TypedResults.Ok(await ItemViews.ViewAsync(services, after ?? item, cancellationToken));
    }

    static async Task<IResult> ToResultAsync(HttpContext context, ChannelCommands.Outcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        ChannelCommands.NotFound notFound => ApiProblems.NotFound(notFound.Detail),
        ChannelCommands.Refused refused => ApiProblems.Conflict(refused.Detail),
        ChannelCommands.Invalid invalid => ApiProblems.Validation(invalid.Errors),
        ChannelCommands.Done done => TypedResults.Ok(await ItemViews.ViewAsync(context.RequestServices, done.Item, cancellationToken)),
        ChannelCommands.Started started => TypedResults.Accepted($"/api/items/{started.Item.Id}", await ItemViews.ViewAsync(context.RequestServices, started.Item, cancellationToken)),
        _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}."),
    };
}
