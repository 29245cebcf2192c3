using System.Text.RegularExpressions;

namespace Publishing.Checks.Detectors;

/// <summary>文字关: dates that do not exist, such as 2023年2月30日 or 2023年13月.</summary>
public sealed partial class ImpossibleDateCheck : ICheck
{
    public void Run(CheckContext context, FindingCollector findings)
    {
        foreach (Match m in ChineseDate().Matches(context.Text))
        {
            int year = int.Parse(m.Groups["y"].ValueSpan);
            int month = int.Parse(m.Groups["m"].ValueSpan);
            bool valid = month is >= 1 and <= 12 && year >= 1;
            if (valid && m.Groups["d"].Success)
            {
                int day = int.Parse(m.Groups["d"].ValueSpan);
                valid = day >= 1 && day <= DateTime.DaysInMonth(year, month);
            }

            if (!valid)
            {
                findings.Add(Aspects.Textual, "textual.impossible-date", Severities.Warn,
                    $"日期“{m.Value}”不存在。请核对年、月、日。", m.Index, m.Length);
            }
        }
    }

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})年(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?")]
    private static partial Regex ChineseDate();
}
