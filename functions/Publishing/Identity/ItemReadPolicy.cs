using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Identity;

/// <summary>
/// Need-to-know: who may read an item (and with it its versions, findings and audit trail). Editors read their own
/// items and published ones; reviewers the items waiting at a stage they decide and those they decided; Admin and
/// Auditor everything. Anyone else is told the item does not exist (404), so ids of others' drafts leak nothing.
/// </summary>
public static class ItemReadPolicy
{
    /// <summary>Statuses under which an item is public on its channels, so every editor may read it.</summary>
    public static readonly IReadOnlySet<ItemStatus> PublishedStatuses =
        new HashSet<ItemStatus> { ItemStatus.Published, ItemStatus.PartiallyPublished };

    public static bool CanRead(CurrentUser user, ItemRecord item)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(item);
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Auditor))
        {
            return true;
        }

        if (user.IsInRole(Roles.Editor) && (item.SubmittedBy == user.Id || PublishedStatuses.Contains(item.Status)))
        {
            return true;
        }

        if (item.Status == ItemStatus.InReview && item.Stage is { } stage && ReviewStages.ReviewableBy(user).Contains(stage))
        {
            return true;
        }

        // A decision stays the reviewer's business whatever happens to the item afterwards.
        return ReviewStages.ReviewableBy(user).Any() && ItemReadModel.Reviews(item).Any(r => r.Reviewer == user.Id);
    }
}
