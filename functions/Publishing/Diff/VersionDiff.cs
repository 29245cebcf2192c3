using System.Globalization;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Diff;

/// <summary><c>GET /api/items/{id}/diff</c>: what changed between two versions of an item.</summary>
/// <param name="Body">The article text as readers see it (sanitized HTML → visible text), word-level.</param>
/// <param name="Fields">Title, disclosure metadata, channels and schedule that differ.</param>
public sealed record VersionDiff(
    string ItemId, int FromVersion, int ToVersion, IReadOnlyList<DiffSegment> Body, IReadOnlyList<FieldChange> Fields,
    int InsertedCharacters, int DeletedCharacters);

/// <param name="Label">Chinese name of the field, e.g. 文号.</param>
public sealed record FieldChange(string Field, string Label, string? From, string? To);

/// <summary>A stored version as the comparison needs it.</summary>
public sealed record ComparedVersion(int Version, string SanitizedHtml, VersionDocument Document);

public static class VersionComparer
{
    public static VersionDiff Compare(string itemId, ComparedVersion from, ComparedVersion to)
    {
        var body = TextDiff.Compute(
            VisibleTextExtractor.Extract(from.SanitizedHtml).Text, VisibleTextExtractor.Extract(to.SanitizedHtml).Text);
        return new VersionDiff(
            itemId, from.Version, to.Version, body, Fields(from.Document, to.Document),
            body.Where(s => s.Kind == DiffKinds.Inserted).Sum(s => s.Text.Length),
            body.Where(s => s.Kind == DiffKinds.Deleted).Sum(s => s.Text.Length));
    }

    static List<FieldChange> Fields(VersionDocument a, VersionDocument b)
    {
        var changes = new List<FieldChange>();
        void Check(string field, string label, string? x, string? y)
        {
            if (!string.Equals(x ?? "", y ?? "", StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, label, x, y));
            }
        }

        Check("title", "标题", a.Title, b.Title);
        Check("metadata.publisher", "发布机构", a.Metadata.Publisher, b.Metadata.Publisher);
        Check("metadata.documentNumber", "文号", a.Metadata.DocumentNumber, b.Metadata.DocumentNumber);
        Check("metadata.disclosureMode", "公开方式", a.Metadata.DisclosureMode, b.Metadata.DisclosureMode);
        Check("metadata.category", "主题分类", a.Metadata.Category, b.Metadata.Category);
        Check("metadata.validity", "有效性", a.Metadata.Validity, b.Metadata.Validity);
        Check("metadata.writtenDate", "成文日期", a.Metadata.WrittenDate, b.Metadata.WrittenDate);
        Check("metadata.wechatTitle", "微信标题", a.Metadata.WechatTitle, b.Metadata.WechatTitle);
        Check("metadata.orgCode", "组织机构代码", a.Metadata.OrgCode, b.Metadata.OrgCode);
        Check("channels", "发布渠道", string.Join("、", a.Channels), string.Join("、", b.Channels));
        Check("publishAt", "定时发布", Format(a.PublishAt), Format(b.PublishAt));
        Check("interpretsItemId", "解读的政策文件", a.InterpretsItemId, b.InterpretsItemId);
        return changes;
    }

    static string? Format(DateTimeOffset? at) =>
        at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
