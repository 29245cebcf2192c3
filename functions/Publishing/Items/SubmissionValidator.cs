using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Publishing.Documents;

namespace Publishing.Items;

/// <summary>Field-by-field validation of a submission; messages say in Chinese what to fix.</summary>
public static partial class SubmissionValidator
{
    public const int MaxTitleLength = FieldLimits.Title;

    public static Dictionary<string, string[]> Validate(SubmissionRequest request)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(request.Kind))
            Add("kind", "请填写稿件类型：news（新闻）、policy（政策文件）、interpretation（政策解读）或 notice（通知公告）。");
        else if (!ItemKinds.All.Contains(request.Kind))
            Add("kind", $"稿件类型“{request.Kind}”无效，只能是 news、policy、interpretation 或 notice。");

        if (string.IsNullOrWhiteSpace(request.Title))
            Add("title", "请填写标题。");
        else if (FieldLimits.Check(request.Title, FieldLimits.Title, "标题") is { } titleProblem)
            Add("title", titleProblem);

        if (string.IsNullOrWhiteSpace(request.BodyHtml))
            Add("bodyHtml", "请填写正文。");
        else if (FieldLimits.InvalidCharacters(request.BodyHtml, multiLine: true) is { } bodyProblem && bodyProblem.Contains("代理项", StringComparison.Ordinal))
            Add("bodyHtml", $"正文{bodyProblem}，请以 UTF-8 编码重新提交。");

        ValidateMetadata(request.Metadata, Add);

        if (request.Channels is null || request.Channels.Count == 0)
            Add("channels", "请至少选择一个发布渠道：website（政府网站）、wechat（政务微信）、weibo（政务微博）。");
        else
        {
            for (int i = 0; i < request.Channels.Count; i++)
            {
                if (!Channels.All.Contains(request.Channels[i]))
                    Add($"channels[{i}]", $"发布渠道“{request.Channels[i]}”无效，只能是 website、wechat 或 weibo。");
            }

            if (request.Channels.Distinct().Count() != request.Channels.Count)
                Add("channels", "发布渠道不能重复。");
        }

        if (request.InterpretsItemId is not null && request.Kind != ItemKinds.Interpretation)
            Add("interpretsItemId", "只有政策解读（interpretation）可以关联被解读的政策文件。");
        else if (request.InterpretsItemId is not null && !ItemReadModel.IsValidId(request.InterpretsItemId))
            Add("interpretsItemId", "被解读的政策文件编号应为 32 位稿件编号（小写十六进制）。");

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    static void ValidateMetadata(ItemMetadata? metadata, Action<string, string> add)
    {
        if (metadata is null)
        {
            add("metadata", "请填写公开属性（metadata）：发布机构、组织机构代码、公开方式等。");
            return;
        }

        if (string.IsNullOrWhiteSpace(metadata.Publisher))
            add("metadata.publisher", "请填写发布机构，例如“临沂市商务局”。");
        else if (FieldLimits.Check(metadata.Publisher, FieldLimits.Publisher, "发布机构") is { } publisherProblem)
            add("metadata.publisher", publisherProblem);

        if (FieldLimits.Check(metadata.Category, FieldLimits.Category, "主题分类") is { } categoryProblem)
            add("metadata.category", categoryProblem);
        if (FieldLimits.Check(metadata.Validity, FieldLimits.Validity, "有效性") is { } validityProblem)
            add("metadata.validity", validityProblem);

        if (string.IsNullOrWhiteSpace(metadata.DisclosureMode))
            add("metadata.disclosureMode", "请选择公开方式：主动公开、依申请公开或不予公开。");
        else if (!DisclosureModes.All.Contains(metadata.DisclosureMode))
            add("metadata.disclosureMode", $"公开方式“{metadata.DisclosureMode}”无效，只能是主动公开、依申请公开或不予公开。");

        if (string.IsNullOrWhiteSpace(metadata.IndexNumber))
        {
            if (string.IsNullOrWhiteSpace(metadata.OrgCode))
                add("metadata.orgCode", "请填写组织机构代码（生成索引号需要），或直接填写索引号。");
            else if (metadata.OrgCode.Length > FieldLimits.OrgCode || !OrgCodePattern().IsMatch(metadata.OrgCode))
                add("metadata.orgCode", "组织机构代码只能由数字、大写字母和连字符组成，长度不超过 18 位。");
        }
        else
        {
            if (metadata.IndexNumber.Length > FieldLimits.IndexNumber || !IndexNumberPattern().IsMatch(metadata.IndexNumber))
                add("metadata.indexNumber", "索引号格式应为“组织机构代码/分类代码/年份-序号”，例如 1123045263/swj/2023-0000044。");
            if (!string.IsNullOrEmpty(metadata.OrgCode) && (metadata.OrgCode.Length > FieldLimits.OrgCode || !OrgCodePattern().IsMatch(metadata.OrgCode)))
                add("metadata.orgCode", "组织机构代码只能由数字、大写字母和连字符组成，长度不超过 18 位。");
        }

        if (FieldLimits.Check(metadata.DocumentNumber, FieldLimits.DocumentNumber, "文号") is { } numberProblem)
            add("metadata.documentNumber", numberProblem);
        else if (!string.IsNullOrWhiteSpace(metadata.DocumentNumber) && !DocumentNumber.TryParse(metadata.DocumentNumber, out _))
            add("metadata.documentNumber", $"文号“{metadata.DocumentNumber}”格式不正确，应为“机关代字〔年份〕序号号”，例如 临政办字〔2023〕45号（年份用六角括号〔〕）。");

        if (!string.IsNullOrWhiteSpace(metadata.WrittenDate)
            && !DateOnly.TryParseExact(metadata.WrittenDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            add("metadata.writtenDate", $"成文日期“{metadata.WrittenDate}”无效，请使用 yyyy-MM-dd 格式，例如 2023-06-20。");

        if (FieldLimits.Check(metadata.WechatTitle, FieldLimits.WechatTitle, "微信标题") is { } wechatProblem)
            add("metadata.wechatTitle", wechatProblem);
    }

    /// <summary>Size of the body in UTF-8 bytes, the unit the limit is configured in.</summary>
    public static int BodyBytes(SubmissionRequest request) =>
        request.BodyHtml is null ? 0 : Encoding.UTF8.GetByteCount(request.BodyHtml);

    [GeneratedRegex(@"^[0-9A-Z\-]{1,18}$")]
    private static partial Regex OrgCodePattern();

    [GeneratedRegex(@"^[0-9A-Za-z\-]{1,18}/[0-9A-Za-z]{1,16}/\d{4}-\d{1,10}$")]
    private static partial Regex IndexNumberPattern();
}
