namespace Publishing.Items;

/// <summary>What an editor submits.</summary>
public static class ItemKinds
{
    public const string News = "news";
    /// <summary>政策文件 — a policy document.</summary>
    public const string Policy = "policy";
    /// <summary>政策解读 — an interpretation of a policy document.</summary>
    public const string Interpretation = "interpretation";
    public const string Notice = "notice";

    public static readonly IReadOnlyList<string> All = [News, Policy, Interpretation, Notice];
}
