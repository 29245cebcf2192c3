using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Diff;

/// <summary>
/// <c>GET /api/items/{id}/diff?from=&amp;to=&amp;against=published</c> (any role, like the versions it compares):
/// <c>to</c> defaults to the current version, <c>from</c> to the one before it, or with <c>against=published</c> to
/// the version that is (or was last) published.
/// </summary>
public static class DiffApi
{
    public const string AgainstPublished = "published";

    public static async Task<IResult> GetDiff(
        string id, int? from, int? to, string? against, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item
            || !ItemReadPolicy.CanRead(user, item))
        {
            return ItemsApi.ItemNotFound(id);
        }

        if (against is not (null or "" or AgainstPublished))
        {
            return ApiProblems.BadRequest($"against 只能是 {AgainstPublished}（与已发布版本比较），或不填（与上一版比较）。");
        }

        int target = to ?? item.Version;
        int? baseline = against == AgainstPublished ? PublishedVersion(item) : from ?? target - 1;
        if (against == AgainstPublished && baseline is null)
        {
            return ApiProblems.NotFound("该稿件尚无已发布的版本，无法与已发布版本比较。");
        }

        if (target < 1 || target > item.Version || baseline is not { } b || b < 1 || b > item.Version || (b == target && against != AgainstPublished))
        {
            return ApiProblems.BadRequest(item.Version == 1 && from is null && against is null
                ? "该稿件只有第 1 版，没有上一版可比较。"
                : $"请选择两个不同的版本：稿件共有第 1 至第 {item.Version} 版。");
        }

        var content = services.GetRequiredService<ContentStore>();
        var older = await content.GetVersionAsync(id, b, cancellationToken);
        var newer = await content.GetVersionAsync(id, target, cancellationToken);
        if (older is null || newer is null)
        {
            return ApiProblems.NotFound($"稿件 {id} 的第 {(older is null ? b : target)} 版尚未保存完成，请稍后再试。");
        }

        return TypedResults.Ok(VersionComparer.Compare(id,
            new ComparedVersion(b, older.SanitizedHtml, VersionDocument.FromJson(older.MetadataJson)),
            new ComparedVersion(target, newer.SanitizedHtml, VersionDocument.FromJson(newer.MetadataJson))));
    }

    /// <summary>The approved version once publishing started; it is what readers see (or saw, if retracted).</summary>
    static int? PublishedVersion(ItemRecord item) =>
        item.ApprovedVersion is { } v && item.Status is ItemStatus.Published or ItemStatus.PartiallyPublished
            or ItemStatus.Retracting or ItemStatus.Retracted or ItemStatus.RetractFailed ? v : null;
}
