using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;

namespace Publishing.Audit;

/// <summary><c>GET /api/items/{id}/audit</c>: the trail and whether its hash chain verifies.</summary>
public static class AuditApi
{
    public static async Task<IResult> GetTrail(string id, HttpContext context, CancellationToken cancellationToken)
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

        bool allowed = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Auditor) || item.SubmittedBy == user.Id
            || ItemReadModel.Reviewers(item).Contains(user.Id);
        if (!allowed)
        {
            return ApiProblems.Forbidden("审计记录仅对管理员、审计人员、稿件提交人和该稿件的审核人员开放。");
        }

        var trail = await services.GetRequiredService<AuditTrail>().ReadAsync(id, cancellationToken);
        return TypedResults.Ok(new AuditTrailResponse(trail.Entries, trail.Verified));
    }

    public sealed record AuditTrailResponse(IReadOnlyList<AuditEntry> Entries, bool Verified);
}
