namespace Publishing.Supervision.Disclosure;

/// <summary>
/// An item to be disclosed proactively that is not published yet, and its deadline: 20 working days after its
/// 成文日期 (《中华人民共和国政府信息公开条例》第二十六条).
/// </summary>
/// <param name="WorkingDaysLeft">Working days from today to the due date; negative when late.</param>
/// <param name="State">dueSoon | late (<see cref="DisclosureStates"/>).</param>
public sealed record DisclosureDeadline(
    string ItemId,
    string Title,
    string Kind,
    string SubmittedBy,
    DateOnly WrittenDate,
    DateOnly DueDate,
    int WorkingDaysLeft,
    string State);

public static class DisclosureStates
{
    /// <summary>Due within the configured few working days (3 by default).</summary>
    public const string DueSoon = "dueSoon";

    /// <summary>The due date has passed.</summary>
    public const string Late = "late";

    public static readonly IReadOnlyList<string> All = [DueSoon, Late];
}

/// <summary>An item as the disclosure deadline needs it.</summary>
/// <param name="Published">True once any channel published it (nothing is due then).</param>
/// <param name="Open">False when withdrawn or retracted: no longer on its way to the public.</param>
public sealed record DisclosureCandidate(
    string ItemId, string Title, string Kind, string SubmittedBy, string? DisclosureMode, string? WrittenDate, bool Published, bool Open);
