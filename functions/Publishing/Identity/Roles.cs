namespace Publishing.Identity;

/// <summary>The product's roles. Names match the Entra ID app roles and the local JWT `role` claims.</summary>
public static class Roles
{
    public const string Editor = "Editor";
    /// <summary>初审 — first-level reviewer.</summary>
    public const string InitialReviewer = "InitialReviewer";
    /// <summary>复审 — second-level reviewer.</summary>
    public const string SecondReviewer = "SecondReviewer";
    /// <summary>终审 — final reviewer.</summary>
    public const string FinalReviewer = "FinalReviewer";
    public const string Admin = "Admin";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All =
        [Editor, InitialReviewer, SecondReviewer, FinalReviewer, Admin, Auditor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Chinese display name of a role for messages shown to people.</summary>
    public static string DisplayName(string role) => role switch
    {
        Editor => "编辑",
        InitialReviewer => "初审人员",
        SecondReviewer => "复审人员",
        FinalReviewer => "终审人员",
        Admin => "管理员",
        Auditor => "审计人员",
        _ => role,
    };
}
