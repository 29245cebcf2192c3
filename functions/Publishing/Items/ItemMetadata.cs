using System.ComponentModel.DataAnnotations;

namespace Publishing.Items;

/// <summary>The disclosure metadata shown with every published item (see seed 000's header).</summary>
/// <param name="Publisher">发布机构 — publishing body, e.g. 临沂市商务局.</param>
/// <param name="OrgCode">组织机构代码 used in the 索引号, e.g. 1123045263.</param>
/// <param name="DocumentNumber">文号 — official document number, e.g. 临商务字〔2023〕12号.</param>
/// <param name="DisclosureMode">公开方式: 主动公开 | 依申请公开 | 不予公开.</param>
/// <param name="Category">主题分类 / 组配分类.</param>
/// <param name="Validity">有效性, e.g. 有效.</param>
/// <param name="WrittenDate">成文日期, ISO yyyy-MM-dd.</param>
/// <param name="IndexNumber">索引号; generated when absent.</param>
/// <param name="WechatTitle">Optional title of at most 32 characters for the WeChat article.</param>
/// <param name="CoverAssetId">Optional uploaded image used as the WeChat cover; else the first body image.</param>
/// <param name="ExpiresAt">End of a 公示期: the article leaves the website at this time.</param>
public sealed record ItemMetadata(
    [property: MaxLength(FieldLimits.Publisher)] string? Publisher = null,
    [property: MaxLength(FieldLimits.OrgCode)] string? OrgCode = null,
    [property: MaxLength(FieldLimits.DocumentNumber)] string? DocumentNumber = null,
    string? DisclosureMode = null,
    [property: MaxLength(FieldLimits.Category)] string? Category = null,
    [property: MaxLength(FieldLimits.Validity)] string? Validity = null,
    string? WrittenDate = null,
    [property: MaxLength(FieldLimits.IndexNumber)] string? IndexNumber = null,
    [property: MaxLength(FieldLimits.WechatTitle)] string? WechatTitle = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? CoverAssetId = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ExpiresAt = null);

public static class DisclosureModes
{
    public const string Proactive = "主动公开";
    public const string OnApplication = "依申请公开";
    public const string NotDisclosed = "不予公开";

    public static readonly IReadOnlyList<string> All = [Proactive, OnApplication, NotDisclosed];
}
