namespace Publishing.Supervision.Columns;

/// <summary>
/// A column of the government website whose freshness is watched (section <c>Publishing:Supervision:Columns:{id}</c>):
/// the pages of one item kind, optionally of one 组配分类, must not be older than <see cref="Days"/> days plus
/// <see cref="Months"/> months. Defaults follow the inspection rule for 栏目不更新 (国办秘函〔2019〕19号): 动态 two weeks,
/// 通知公告 and 政策文件 six months.
/// </summary>
public sealed class SupervisedColumn
{
    /// <summary>Display name, e.g. 工作动态.</summary>
    public string Name { get; set; } = "";

    /// <summary>news | notice | policy | interpretation: the kind of item the column lists.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Only pages of this 组配分类; empty = every page of the kind.</summary>
    public string? Category { get; set; }

    public int Days { get; set; }

    public int Months { get; set; }

    /// <summary>How long before the limit the warning comes.</summary>
    public int WarnDaysBefore { get; set; } = 3;

    /// <summary>User id of the person responsible; notified beside the administrators.</summary>
    public string Owner { get; set; } = "";

    /// <summary>False switches a column (a default one included) off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The latest acceptable time of the next update after <paramref name="last"/> (months in China's calendar).</summary>
    public DateTimeOffset DueAfter(DateTimeOffset last)
    {
        var local = last.ToOffset(Calendar.WorkingDayCalendar.ChinaOffset);
        return local.AddMonths(Months).AddDays(Days);
    }

    /// <summary>“14 天” / “6 个月”, for messages.</summary>
    public string Limit() => (Months, Days) switch
    {
        (0, var d) => $"{d} 天",
        (var m, 0) => $"{m} 个月",
        var (m, d) => $"{m} 个月 {d} 天",
    };

    public static Dictionary<string, SupervisedColumn> Defaults() => new(StringComparer.Ordinal)
    {
        ["news"] = new() { Name = "工作动态", Kind = Items.ItemKinds.News, Days = 14, WarnDaysBefore = 3 },
        ["notice"] = new() { Name = "通知公告", Kind = Items.ItemKinds.Notice, Months = 6, WarnDaysBefore = 14 },
        ["policy"] = new() { Name = "政策文件", Kind = Items.ItemKinds.Policy, Months = 6, WarnDaysBefore = 14 },
    };
}
