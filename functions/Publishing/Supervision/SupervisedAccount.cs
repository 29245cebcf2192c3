namespace Publishing.Supervision;

/// <summary>One supervised account: a website column (<see cref="Category"/> = its 栏目), the WeChat or the Weibo account.</summary>
public sealed class SupervisedAccount
{
    /// <summary>Display name, also the account's key, e.g. 政府网站·商务栏目.</summary>
    public string Name { get; set; } = "";

    /// <summary>User id of the person responsible; notified beside the administrators.</summary>
    public string Owner { get; set; } = "";

    /// <summary>website | wechat | weibo.</summary>
    public string Channel { get; set; } = "";

    /// <summary>For a website column: the item category (组配分类) it lists; empty = the whole site.</summary>
    public string? Category { get; set; }
}
