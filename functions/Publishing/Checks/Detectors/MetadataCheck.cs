using Publishing.Documents;
using Publishing.Items;

namespace Publishing.Checks.Detectors;

/// <summary>Document-level rules from the metadata; findings point at the title.</summary>
public sealed class MetadataCheck : ICheck
{
    public void Run(CheckContext context, FindingCollector findings)
    {
        var draft = context.Draft;
        var (start, length) = context.TitleRange;
        if (draft.Metadata.DisclosureMode == DisclosureModes.NotDisclosed)
        {
            findings.Add(Aspects.Confidentiality, "confidentiality.not-disclosed", Severities.Block,
                "公开方式为“不予公开”的信息不得发布。请确认公开属性，如确需公开请改为“主动公开”或“依申请公开”。", start, length);
        }

        string? number = draft.Metadata.DocumentNumber;
        if (string.IsNullOrWhiteSpace(number))
        {
            if (draft.Kind == ItemKinds.Policy)
            {
                findings.Add(Aspects.Legal, "legal.policy-without-document-number", Severities.Warn,
                    "政策文件缺少文号。请填写文号（如临政办字〔2023〕45号）。", start, length);
            }
        }
        else if (!DocumentNumber.TryParse(number, out _))
        {
            string? corrected = DocumentNumber.SuggestCorrection(number);
            findings.Add(Aspects.Legal, "legal.document-number-format", Severities.Warn,
                corrected is null
                    ? $"文号“{number}”格式不正确，应为“机关代字〔年份〕序号号”，如临政办字〔2023〕45号。"
                    : $"文号“{number}”的年份应使用六角括号“〔〕”，应为“{corrected}”。",
                start, length, corrected);
        }

        if (draft.Kind == ItemKinds.Interpretation && string.IsNullOrWhiteSpace(draft.InterpretsItemId))
        {
            findings.Add(Aspects.Legal, "legal.interpretation-without-policy", Severities.Warn,
                "政策解读未关联所解读的政策文件。请选择对应的政策文件，做到政策文件与解读材料同步发布、相互链接。", start, length);
        }
    }
}
