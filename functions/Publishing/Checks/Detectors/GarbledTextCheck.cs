using System.Text.RegularExpressions;

namespace Publishing.Checks.Detectors;

/// <summary>
/// 文字关, garbled text that term lists cannot catch: pinyin with tone marks in brackets after a character
/// (what a broken converter leaves, e.g. 公開(kāi)) and runs of '?' where characters were lost.
/// U+FFFD, 锟斤拷 and 烫烫烫 are data in textual.tsv.
/// </summary>
public sealed partial class GarbledTextCheck : ICheck
{
    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        foreach (Match m in PinyinAnnotation().Matches(text))
        {
            findings.Add(Aspects.Textual, "textual.garbled.pinyin", Severities.Block,
                "出现“字(拼音)”形式的乱码，正文疑似经错误的繁简或编码转换。请从原始文件重新复制正文，确认无乱码后再提交。", m.Index, m.Length);
        }

        foreach (Match m in QuestionMarks().Matches(text))
        {
            bool run = m.Length >= 2;
            bool beforePunctuation = m.Index + m.Length < text.Length && Cjk.IsPunctuation(text[m.Index + m.Length]);
            bool nearCjk = (m.Index > 0 && Cjk.IsIdeograph(text[m.Index - 1]))
                || (m.Index + m.Length < text.Length && Cjk.IsIdeograph(text[m.Index + m.Length]));
            if ((run && nearCjk) || beforePunctuation)
            {
                findings.Add(Aspects.Textual, "textual.garbled.question-marks", Severities.Block,
                    "中文中出现成串或孤立的问号“?”，疑似字符在编码转换中丢失。请核对原文，恢复被替换的文字。", m.Index, m.Length);
            }
        }
    }

    [GeneratedRegex(@"(?<=[\u3400-\u9FFF])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]")]
    private static partial Regex PinyinAnnotation();

    [GeneratedRegex(@"[?？]+")]
    private static partial Regex QuestionMarks();
}
