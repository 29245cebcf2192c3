using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Audit;
using Publishing.Checks;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>
/// <c>POST /api/items/{id}/findings/{findingId}/dismiss</c>: the reviewer of the open stage marks a warning of the
/// version under review as a false alarm, with a reason. A block cannot be dismissed: it must be fixed.
/// </summary>
public static class DismissalsApi
{
    public const string FindingDismissed = "finding-dismissed";
    public const int MaxReasonLength = 500;

    public sealed record DismissRequest(int? Version, string? Reason);

    static readonly string[] ReviewerRoles = [Roles.InitialReviewer, Roles.SecondReviewer, Roles.FinalReviewer];

    public static async Task<IResult> Dismiss(string id, string findingId, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, ReviewerRoles, out var user, out var denial))
        {
            return denial;
        }

        var body = await JsonBody.ReadAsync<DismissRequest>(context.Request, 16 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var request = body.Value!;
        if (Validate(request) is { Count: > 0 } errors)
        {
            return ApiProblems.Validation(errors);
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item
            || !ItemReadPolicy.CanRead(user, item))
        {
            return ItemViews.NotFound(id);
        }

        if (Denied(item, user) is { } refused)
        {
            return refused;
        }

        if (request.Version != item.Version)
        {
            return ApiProblems.Conflict($"您看到的是第 {request.Version} 版，稿件现在是第 {item.Version} 版。请刷新后在最新版本的检查结果上操作。");
        }

        var findings = item.FindingsVersion == item.Version
            ? await services.GetRequiredService<FindingsStore>().GetAsync(id, item.Version, cancellationToken)
            : [];
        if (findings.FirstOrDefault(f => f.Id == findingId) is not { } finding)
        {
            return ApiProblems.NotFound($"第 {item.Version} 版的自动检查结果中没有编号为 {findingId} 的问题，请刷新后重试。");
        }

        if (finding.Severity == Severities.Block)
        {
            return ApiProblems.Conflict("这是阻断性问题，不能作为误报驳回，须修改后重新提交。");
        }

        if (finding.Severity != Severities.Warn)
        {
            return ApiProblems.Conflict("只有警告可以作为误报驳回，提示性信息无需处理。");
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var stored = await services.GetRequiredService<FindingDismissalStore>().AddAsync(new FindingDismissal(
            id, item.Version, finding.Id, finding.RuleId, item.Stage!, request.Reason!.Trim(), user.Id, user.DisplayName, now), cancellationToken);
        if (stored.DismissedBy != user.Id)
        {
            return ApiProblems.Conflict($"该警告已由{stored.DismissedByName}作为误报驳回（理由：{stored.Reason}）。");
        }

        // After the row: a retry of a call whose audit append failed finds its own row and appends the same event once.
        await services.GetRequiredService<AuditTrail>().AppendAsync(id, new AuditEvent(
            $"v{stored.Version}-dismiss-{TableKeysSafe(stored.FindingId)}", FindingDismissed, user.Id, stored.DismissedAt, stored.Stage, stored.Version,
            JsonSerializer.Serialize(new { findingId = stored.FindingId, ruleId = stored.RuleId, reason = stored.Reason }, ItemReadModel.Json)),
            cancellationToken);
        return TypedResults.Ok(stored);
    }

    static string TableKeysSafe(string findingId) => Storage.TableKeys.Escape(findingId);

    static IResult? Denied(ItemRecord item, CurrentUser user)
    {
        if (item.Status != ItemStatus.InReview || item.Stage is null)
        {
            return ApiProblems.Conflict($"稿件当前状态为“{item.Status.DisplayName()}”，只有审核中的稿件可以驳回警告。");
        }

        if (item.SubmittedBy == user.Id)
        {
            return ApiProblems.Forbidden("不能驳回自己提交的稿件的检查警告。");
        }

        return user.IsInRole(ReviewStages.ReviewerRole(item.Stage))
            ? null
            : ApiProblems.Forbidden($"稿件正在等待{ReviewStages.DisplayName(item.Stage)}，只有{Roles.DisplayName(ReviewStages.ReviewerRole(item.Stage))}可以驳回警告。");
    }

    static Dictionary<string, string[]> Validate(DismissRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Version is null or < 1)
            errors["version"] = ["请给出您所审核的版本号（version）。"];
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors["reason"] = ["请填写驳回理由：为什么这条警告是误报。"];
        else if (request.Reason.Trim().Length > MaxReasonLength)
            errors["reason"] = [$"驳回理由不能超过 {MaxReasonLength} 字。"];
        return errors;
    }
}
