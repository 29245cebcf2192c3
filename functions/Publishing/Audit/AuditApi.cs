using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;

namespace Publishing.Audit;

/// <summary><c>GET /api/items/{id}/audit</c>: the trail and whether it verifies (readable as the item is, see <see cref="ItemReadPolicy"/>).</summary>
public static class AuditApi
{
    public static async Task<IResult> GetTrail(string id, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item || !ItemReadPolicy.CanRead(user, item))
        {
            return ItemsApi.ItemNotFound(id);
        }

        var trail = await services.GetRequiredService<AuditTrail>().ReadAsync(id, itemExists: true, cancellationToken);
        return TypedResults.Ok(new AuditTrailResponse(trail.Entries, trail.Verified, trail.FirstBrokenSequence, trail.Problem, trail.AnchoredThrough));
    }

    /// <param name="FirstBrokenSequence">The first entry that cannot be trusted (null when verified).</param>
    /// <param name="Problem">What is wrong, in Chinese.</param>
    /// <param name="AnchoredThrough">How many entries are vouched for by append-only anchors.</param>
    public sealed record AuditTrailResponse(
        IReadOnlyList<AuditEntry> Entries, bool Verified, long? FirstBrokenSequence, string? Problem, long AnchoredThrough);
}
