using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Items;

namespace Publishing.Lifecycle;

/// <summary>The item as every handler answers it: read model, the version's findings and its channels.</summary>
public static class ItemViews
{
    public static async Task<ItemView> ViewAsync(IServiceProvider services, ItemRecord item, CancellationToken cancellationToken)
    {
        var findings = item.FindingsVersion == item.Version
            ? await services.GetRequiredService<FindingsStore>().GetAsync(item.Id, item.Version, cancellationToken)
            : [];
        var publications = item.ApprovedVersion is { } approved
            ? await services.GetRequiredService<PublicationStore>().ListAsync(item.Id, approved, cancellationToken)
            : [];
        var dismissals = findings.Count > 0
            ? await services.GetRequiredService<Publishing.Lifecycle.FindingDismissalStore>().ListAsync(item.Id, item.Version, cancellationToken)
            : [];
        return ItemView.From(item, findings, publications, await ReviewsAsync(services, item, cancellationToken)) with { Dismissals = dismissals };
    }

    /// <summary>Every decision on the item: its review rows, and whatever a row written before them still holds.</summary>
    public static async Task<IReadOnlyList<ReviewRecord>> ReviewsAsync(IServiceProvider services, ItemRecord item, CancellationToken cancellationToken)
    {
        var rows = await services.GetRequiredService<ItemReviewStore>().ListAsync(item.Id, cancellationToken);
        return rows.Concat(ItemReadModel.StoredReviews(item)).DistinctBy(r => r.CommandId)
            .OrderBy(r => r.Version).ThenBy(r => r.At).ToList();
    }

    public static Microsoft.AspNetCore.Http.IResult NotFound(string id) => ApiProblems.NotFound($"稿件 {id} 不存在，请检查稿件编号。");
}
