using System.Text.RegularExpressions;

namespace Publishing.Checks.Detectors;

/// <summary>法律关: 文号 in the text whose year is in [] () 【】 ［］ instead of 〔〕.</summary>
public sealed partial class DocumentNumberCheck : ICheck
{
    public void Run(CheckContext context, FindingCollector findings)
    {
        foreach (Match m in WrongBrackets().Matches(context.Text))
        {
            string corrected = $"〔{m.Groups["year"].Value}〕{m.Groups["serial"].Value}号";
            findings.AddFix(Aspects.Legal, "legal.document-number-brackets", Severities.Warn,
                $"文号年份应使用六角括号“〔〕”，“{m.Value}”应为“{corrected}”。", m.Index, m.Length, corrected);
        }
    }

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[\[(【［（﹝](?<year>(19|20)\d{2})[\])】］）﹞](?<serial>\d{1,5})号")]
    private static partial Regex WrongBrackets();
}
