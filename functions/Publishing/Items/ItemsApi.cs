using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Assets;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Items;

/// <summary>Submitting, revising, withdrawing and reading items.</summary>
public static class ItemsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary><c>POST /api/items</c> (Editor).</summary>
    public static async Task<IResult> Submit(HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Editor], out var user, out var denial))
        {
            return denial;
        }

        string? key = context.Request.Headers[IdempotencyHeader];
        if (key is { Length: > FieldLimits.IdempotencyKey })
        {
            return ApiProblems.BadRequest($"Idempotency-Key 过长，不能超过 {FieldLimits.IdempotencyKey} 个字符。");
        }

        var services = context.RequestServices;
        var (request, problem) = await ReadSubmissionAsync(context, cancellationToken);
        problem ??= await SubmissionAssetsStep.ApplyAsync(services, user, request, r => request = r, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        SubmissionService.Outcome outcome;
        try
        {
            outcome = await services.GetRequiredService<SubmissionService>()
                .SubmitAsync(user, request!, string.IsNullOrEmpty(key) ? null : key, durable, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The stored first version differs: the same key was reused for different content.
            return ApiProblems.Conflict("该 Idempotency-Key 已用于内容不同的另一次提交，请为新稿件使用新的键。");
        }

        return outcome switch
        {
            SubmissionService.Invalid invalid => ApiProblems.Validation(invalid.Errors),
            SubmissionService.KeyReused => ApiProblems.Conflict("该 Idempotency-Key 已用于内容不同的另一次提交，请为新稿件使用新的键。"),
            SubmissionService.Accepted { Item: var item } when item.SubmittedBy != user.Id =>
                ApiProblems.Conflict("该 Idempotency-Key 已被使用，请换一个新的键。"),
            SubmissionService.Accepted { Item: var item } => Accepted(item, item.Version),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary><c>PUT /api/items/{id}</c>: a new version, only while returned for revision (the submitter).</summary>
    public static async Task<IResult> Revise(string id, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Editor], out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item)
        {
            return ItemNotFound(id);
        }

        if (item.SubmittedBy != user.Id)
        {
            return ApiProblems.Forbidden("只有稿件的提交人可以提交修改版本。");
        }

        if (item.Status != ItemStatus.ReturnedForRevision)
        {
            return ApiProblems.Conflict($"稿件当前状态为“{item.Status.DisplayName()}”，只有被退回修改的稿件才能提交新版本。");
        }

        var (request, problem) = await ReadSubmissionAsync(context, cancellationToken);
        problem ??= await SubmissionAssetsStep.ApplyAsync(services, user, request, r => request = r, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.Version is null)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["version"] = ["请注明要修改的版本号（version），即被退回的“第 N 版”。"] });
        }

        if (request.Version != item.Version)
        {
            return ApiProblems.Conflict($"您修改的是第{request.Version}版，稿件现在是第{item.Version}版。请刷新页面，在最新版本上修改后再提交。");
        }

        if (request.Kind != item.Kind)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["kind"] = [$"修改版本不能改变稿件类型（原为 {item.Kind}）。"] });
        }

        try
        {
            var outcome = await services.GetRequiredService<SubmissionService>().ReviseAsync(user, item, request, durable, cancellationToken);
            return outcome switch
            {
                SubmissionService.Invalid invalid => ApiProblems.Validation(invalid.Errors),
                SubmissionService.EarlierRevisionResent resent => ApiProblems.Conflict(
                    $"第{resent.Version}版此前已保存（内容与本次不同）但未送审，现已将该版本送审。请刷新查看；如需改动，请在审核退回后再提交新版本。"),
                _ => Accepted(item, item.Version + 1),
            };
        }
        catch (InvalidOperationException)
        {
            return ApiProblems.Conflict("该稿件已提交了另一个修改版本，请刷新后查看最新状态。");
        }
    }

    /// <summary><c>POST /api/items/{id}/withdraw</c>: the submitter withdraws before final approval.</summary>
    public static async Task<IResult> Withdraw(string id, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Editor], out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        var items = services.GetRequiredService<ItemReadModel>();
        if (await items.GetAsync(id, cancellationToken) is not { } item)
        {
            return ItemNotFound(id);
        }

        if (item.SubmittedBy != user.Id)
        {
            return ApiProblems.Forbidden("只有稿件的提交人可以撤回稿件。");
        }

        var body = await JsonBody.ReadAsync<WithdrawRequest>(context.Request, 64 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (body.Value!.Version is null)
            errors["version"] = ["请注明要撤回的版本号（version），即页面上显示的“第 N 版”。"];
        if (FieldLimits.Check(body.Value.Reason, FieldLimits.Reason, "撤回原因", multiLine: true) is { } reasonProblem)
            errors["reason"] = [reasonProblem];
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (body.Value.Version != item.Version)
        {
            return ApiProblems.Conflict($"您要撤回的是第{body.Value.Version}版，稿件现在是第{item.Version}版。请刷新页面确认后再撤回。");
        }

        if (item.Status is not (ItemStatus.Submitted or ItemStatus.InReview or ItemStatus.ReturnedForRevision))
        {
            return ApiProblems.Conflict($"稿件当前状态为“{item.Status.DisplayName()}”，已不能撤回。");
        }

        var command = new ItemCommand(ItemCommandType.Withdraw, Guid.NewGuid().ToString("N"), user.Id, user.DisplayName,
            item.Version, services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Comment: string.IsNullOrWhiteSpace(body.Value.Reason) ? null : body.Value.Reason.Trim());
        await durable.RaiseEventAsync(ItemInstances.Item(id), ItemCommand.EventName, command, cancellationToken);
        var options = services.GetRequiredService<LifecycleOptions>();
        ItemRecord? after = await items.WaitForAsync(id, r => r.Status == ItemStatus.Withdrawn, options.DecisionWait, cancellationToken);
        return after is null
            ? TypedResults.Accepted($"/api/items/{id}", await ViewAsync(services, item, cancellationToken))
            : TypedResults.Ok(await ViewAsync(services, after, cancellationToken));
    }

    /// <summary>
    /// <c>POST /api/items/{id}/resume</c> (Admin): continues a workflow parked as NeedsAttention from the step that failed.
    /// </summary>
    public static async Task<IResult> Resume(string id, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Admin], out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        var items = services.GetRequiredService<ItemReadModel>();
        if (await items.GetAsync(id, cancellationToken) is not { } item)
        {
            return ItemNotFound(id);
        }

        if (item.Status != ItemStatus.NeedsAttention)
        {
            return ApiProblems.Conflict($"稿件当前状态为“{item.Status.DisplayName()}”，流程未暂停，无需继续处理。");
        }

        var command = new ItemCommand(ItemCommandType.Resume, Guid.NewGuid().ToString("N"), user.Id, user.DisplayName,
            item.Version, services.GetRequiredService<TimeProvider>().GetUtcNow());
        await durable.RaiseEventAsync(ItemInstances.Item(id), ItemCommand.EventName, command, cancellationToken);
        var options = services.GetRequiredService<LifecycleOptions>();
        ItemRecord? after = await items.WaitForAsync(id, r => r.Status != ItemStatus.NeedsAttention || r.Step > item.Step, options.DecisionWait, cancellationToken);
        return after is null || after.Status == ItemStatus.NeedsAttention
            ? TypedResults.Accepted($"/api/items/{id}", await ViewAsync(services, after ?? item, cancellationToken))
            : TypedResults.Ok(await ViewAsync(services, after, cancellationToken));
    }

    /// <summary>Body of <c>POST /api/items/{id}/withdraw</c>.</summary>
    /// <param name="Version">The version the editor withdraws (required): another current version → 409.</param>
    public sealed record WithdrawRequest(int? Version, [property: System.ComponentModel.DataAnnotations.MaxLength(FieldLimits.Reason)] string? Reason);

    /// <summary><c>GET /api/items/{id}</c> (whoever <see cref="ItemReadPolicy"/> lets read it; others get 404).</summary>
    public static async Task<IResult> Get(string id, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        return await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is { } item && ItemReadPolicy.CanRead(user, item)
            ? TypedResults.Ok(await ViewAsync(services, item, cancellationToken))
            : ItemNotFound(id);
    }

    /// <summary><c>GET /api/items/{id}/versions/{n}</c> (as <see cref="Get"/>): that version's sanitized HTML and metadata.</summary>
    public static async Task<IResult> GetVersion(string id, int n, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item || !ItemReadPolicy.CanRead(user, item))
        {
            return ItemNotFound(id);
        }

        if (n < 1 || await services.GetRequiredService<ContentStore>().GetVersionAsync(id, n, cancellationToken) is not { } version)
        {
            return ApiProblems.NotFound($"稿件 {id} 没有第 {n} 版。");
        }

        var document = VersionDocument.FromJson(version.MetadataJson);
        return TypedResults.Ok(new VersionView(id, n, document.Kind, document.Title, version.SanitizedHtml, document.Metadata,
            document.Channels, document.SubmittedBy, document.SubmittedAt, version.ContentHash));
    }

    /// <summary><c>GET /api/items?status=&amp;stage=&amp;assignedToMe=true&amp;continuationToken=</c> (any role).</summary>
    const int DefaultPageSize = 50;
    const int MaxPageSize = 200;

    public static async Task<IResult> List(
        HttpContext context, string? status, string? stage, string? assignedToMe, string? continuationToken, string? pageSize,
        CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out var user, out var denial))
        {
            return denial;
        }

        var query = new QueryValues();
        bool? mine = query.Bool(assignedToMe, nameof(assignedToMe));
        int? size = query.Int(pageSize, nameof(pageSize), 1, MaxPageSize);
        if (query.Problem is { } badQuery)
        {
            return badQuery;
        }

        ItemStatus? wanted = null;
        if (status is not null && !ItemStatuses.TryParse(status, out wanted))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["status"] = [$"状态“{status}”无效，可选值：{string.Join("、", ItemStatuses.All)}。"] });
        }

        if (stage is not null && !ReviewStages.All.Contains(stage))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["stage"] = ["环节只能是 initial、second 或 final。"] });
        }

        var filters = new List<string>();
        if (wanted is { } statusFilter) filters.Add($"Status eq '{statusFilter}'");
        if (stage is not null) filters.Add($"Stage eq '{stage}'");
        if (mine == true)
        {
            var stages = ReviewStages.ReviewableBy(user).ToList();
            if (stages.Count == 0)
            {
                return TypedResults.Ok(new ItemList([], null));
            }

            filters.Add($"Status eq '{ItemStatus.InReview}'");
            filters.Add("(" + string.Join(" or ", stages.Select(s => $"Stage eq '{s}'")) + ")");
            filters.Add($"SubmittedBy ne '{user.Id.Replace("'", "''")}'");
        }

        try
        {
            var (items, next) = await context.RequestServices.GetRequiredService<ItemReadModel>()
                .QueryAsync(string.Join(" and ", filters), size ?? DefaultPageSize, continuationToken, cancellationToken);
            return TypedResults.Ok(new ItemList(items.Where(i => ItemReadPolicy.CanRead(user, i)).Select(ItemSummary.From).ToList(), next));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 400)
        {
            return ApiProblems.BadRequest("continuationToken 无效，请从第一页重新查询。");
        }
    }

    public sealed record ItemList(IReadOnlyList<ItemSummary> Items, string? ContinuationToken);

    public sealed record VersionView(
        string Id, int Version, string Kind, string Title, string SanitizedHtml, ItemMetadata Metadata,
        IReadOnlyList<string> Channels, string SubmittedBy, DateTimeOffset SubmittedAt, string ContentHash);

    internal static Task<ItemView> ViewAsync(IServiceProvider services, ItemRecord item, CancellationToken cancellationToken) =>
        ItemViews.ViewAsync(services, item, cancellationToken);

    internal static IResult ItemNotFound(string id) => ItemViews.NotFound(id);

    static IResult Accepted(ItemRecord item, int version) => TypedResults.Accepted(
        $"/api/items/{item.Id}",
        new SubmissionAccepted(item.Id, version == item.Version ? item.Status : ItemStatus.Submitted, version, item.IndexNumber));

    static async Task<(SubmissionRequest? Request, IResult? Problem)> ReadSubmissionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var options = context.RequestServices.GetRequiredService<ReviewOptions>();
        // The limit is on the body HTML; leave room for the JSON envelope and escaping.
        var body = await JsonBody.ReadAsync<SubmissionRequest>(context.Request, (long)options.MaxBodyBytes * 2 + 64 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return (null, body.Problem);
        }

        var request = body.Value!;
        if (SubmissionValidator.BodyBytes(request) > options.MaxBodyBytes)
        {
            return (null, ApiProblems.TooLarge(
                $"正文大小超过上限 {options.MaxBodyBytes / 1024 / 1024.0:0.#} MB，请压缩图片或拆分正文后重新提交。"));
        }

        var errors = SubmissionValidator.Validate(request);
        return errors.Count > 0 ? (null, ApiProblems.Validation(errors)) : (request, null);
    }
}
