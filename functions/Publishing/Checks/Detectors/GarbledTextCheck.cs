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
            if ((run && nearCjk) || (beforePunctuation && !(m.Length == 1 && EndsAQuestion(text, m.Index))))
            {
                findings.Add(Aspects.Textual, "textual.garbled.question-marks", Severities.Block,
                    "中文中出现成串或孤立的问号“?”，疑似字符在编码转换中丢失。请核对原文，恢复被替换的文字。", m.Index, m.Length);
            }
        }
    }

    /// <summary>
    /// A single “?” that ends a question (怎么办?” 吗?) is a half-width question mark, not a lost character: the
    /// sentence before it, at most <see cref="QuestionLookBack"/> characters, asks something.
    /// </summary>
    static bool EndsAQuestion(string text, int at)
    {
        if (at > 0 && "吗呢吧么啊呀".Contains(text[at - 1]))
        {
            return true;
        }

        int from = at;
        while (from > 0 && at - from < QuestionLookBack && "。！？!?\n".IndexOf(text[from - 1]) < 0)
        {
            from--;
        }

        var sentence = text.AsSpan(from, at - from);
        foreach (string word in QuestionWords)
        {
            if (sentence.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    const int QuestionLookBack = 40;

    static readonly string[] QuestionWords = ["什么", "怎么", "怎样", "如何", "为何", "为什么", "哪", "谁", "几", "多少", "是否", "能否", "可否", "是不是", "有没有", "难道", "何时", "何处"];

    [GeneratedRegex(@"(?<=[\u3400-\u9FFF])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]")]
    private static partial Regex PinyinAnnotation();

    [GeneratedRegex(@"[?？]+")]
    private static partial Regex QuestionMarks();
}
