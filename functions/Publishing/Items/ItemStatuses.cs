namespace Publishing.Items;

/// <summary>Where an item is in its life. Strings because they are API values and Table columns.</summary>
public static class ItemStatuses
{
    /// <summary>Stored; automated pre-checks running.</summary>
    public const string Submitted = "Submitted";
    /// <summary>Awaiting the decision of <c>stage</c>.</summary>
    public const string InReview = "InReview";
    public const string ReturnedForRevision = "ReturnedForRevision";
    public const string Withdrawn = "Withdrawn";
    /// <summary>终审 passed; the approved version is frozen and hashed.</summary>
    public const string Approved = "Approved";

    public static readonly IReadOnlyList<string> All = [Submitted, InReview, ReturnedForRevision, Withdrawn, Approved];

    public static string DisplayName(string status) => status switch
    {
        Submitted => "已提交（自动检查中）",
        InReview => "审核中",
        ReturnedForRevision => "已退回修改",
        Withdrawn => "已撤回",
        Approved => "已通过终审",
        _ => status,
    };
}
