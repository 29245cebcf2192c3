using Publishing.Identity;

namespace Publishing.Review;

/// <summary>The 三审 levels and the role that decides each.</summary>
public static class ReviewStages
{
    /// <summary>初审.</summary>
    public const string Initial = "initial";
    /// <summary>复审.</summary>
    public const string Second = "second";
    /// <summary>终审.</summary>
    public const string Final = "final";

    public static readonly IReadOnlyList<string> All = [Initial, Second, Final];

    public static string ReviewerRole(string stage) => stage switch
    {
        Initial => Roles.InitialReviewer,
        Second => Roles.SecondReviewer,
        Final => Roles.FinalReviewer,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown review stage."),
    };

    public static string DisplayName(string stage) => stage switch
    {
        Initial => "初审",
        Second => "复审",
        Final => "终审",
        _ => stage,
    };

    /// <summary>The stages a user may decide, from their roles.</summary>
    public static IEnumerable<string> ReviewableBy(CurrentUser user) => All.Where(s => user.IsInRole(ReviewerRole(s)));
}
