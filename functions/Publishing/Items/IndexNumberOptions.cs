namespace Publishing.Items;

/// <summary>Configuration section <c>Publishing:IndexNumbers</c>: how 索引号 are formed.</summary>
public sealed class IndexNumberOptions
{
    public const string Section = "Publishing:IndexNumbers";

    /// <summary>Table holding one counter row per organisation and year.</summary>
    public string TableName { get; set; } = "Counters";

    /// <summary>Category code for items whose category is empty or not mapped (信息公开).</summary>
    public string DefaultCategoryCode { get; set; } = "xxgk";

    /// <summary>主题分类 → code used in the 索引号, e.g. "商务" → "swj".</summary>
    public Dictionary<string, string> CategoryCodes { get; set; } = new(StringComparer.Ordinal);

    public string CategoryCode(string? category) =>
        !string.IsNullOrWhiteSpace(category) && CategoryCodes.TryGetValue(category.Trim(), out string? code) && !string.IsNullOrWhiteSpace(code)
            ? code
            : DefaultCategoryCode;
}
