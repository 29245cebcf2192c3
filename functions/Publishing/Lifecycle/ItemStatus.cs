using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Publishing.Lifecycle;

/// <summary>
/// Where an item is in its life. The member name is the API value and the text stored in the <c>Items</c> table's
/// <c>Status</c> column (Azure Tables stores enum properties by name), so existing rows read back unchanged.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
public enum ItemStatus
{
    /// <summary>Stored; automated pre-checks running.</summary>
    Submitted,
    /// <summary>Awaiting the decision of <c>stage</c>.</summary>
    InReview,
    ReturnedForRevision,
    Withdrawn,
    /// <summary>终审 passed; the approved version is frozen and hashed.</summary>
    Approved,
    /// <summary>Approved, waiting on a durable timer for <c>publishAt</c>.</summary>
    Scheduled,
    Publishing,
    /// <summary>Every channel published (or previewed).</summary>
    Published,
    PartiallyPublished,
    /// <summary>No channel published.</summary>
    Failed,
    Retracting,
    /// <summary>Every channel confirmed down.</summary>
    Retracted,
    /// <summary>Some channel is not confirmed down; retract may run again.</summary>
    RetractFailed,
    /// <summary>The workflow is parked for an Admin.</summary>
    NeedsAttention,
}

public static class ItemStatuses
{
    public static readonly IReadOnlyList<ItemStatus> All = Enum.GetValues<ItemStatus>();

    /// <summary>The statuses of a retraction: once there, publishing results never overwrite it.</summary>
    public static bool IsRetraction(this ItemStatus status) =>
        status is ItemStatus.Retracting or ItemStatus.Retracted or ItemStatus.RetractFailed;

    /// <summary>Statuses after 终审 approval in which channels may exist.</summary>
    public static bool IsPublication(this ItemStatus status) =>
        status is ItemStatus.Published or ItemStatus.PartiallyPublished or ItemStatus.Failed;

    /// <summary>Whether the read model may move from <paramref name="current"/> to <paramref name="next"/>.</summary>
    public static bool MayReplace(ItemStatus current, ItemStatus next) =>
        current == next
        || (current != ItemStatus.Withdrawn && (!current.IsRetraction() || next.IsRetraction()));

    /// <summary>Exact, case-sensitive match of an API value (no numbers, unlike <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/>).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ItemStatus? status)
    {
        foreach (ItemStatus candidate in All)
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = null;
        return false;
    }

    public static string DisplayName(this ItemStatus status) => status switch
    {
        ItemStatus.Submitted => "已提交（自动检查中）",
        ItemStatus.InReview => "审核中",
        ItemStatus.ReturnedForRevision => "已退回修改",
        ItemStatus.Withdrawn => "已撤回",
        ItemStatus.Approved => "已通过终审",
        ItemStatus.Scheduled => "定时发布中",
        ItemStatus.Publishing => "发布中",
        ItemStatus.Published => "已发布",
        ItemStatus.PartiallyPublished => "部分渠道已发布",
        ItemStatus.Failed => "发布失败",
        ItemStatus.Retracting => "撤回发布中",
        ItemStatus.Retracted => "已从各渠道撤下",
        ItemStatus.RetractFailed => "撤回未完成",
        ItemStatus.NeedsAttention => "需管理员处理",
        _ => status.ToString(),
    };
}
