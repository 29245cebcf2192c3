namespace Publishing.Checks.Detectors;

/// <summary>
/// 文字关: half-width , ; : ( ) ? inside Chinese sentences, where GB/T 15834-2011 asks for full-width marks. A few
/// half-width marks among full-width ones are slips a reviewer should see (warning); a document written in half-width
/// throughout (text passed through a converter or typed that way) is one formatting matter with a one-click fix
/// (info), not a hundred things to read. Every occurrence carries its replacement.
/// </summary>
public sealed class HalfWidthPunctuationCheck : ICheck
{
    public const string RuleId = "textual.half-width-punctuation";

    /// <summary>At least this share of half-width marks makes the document consistently half-width.</summary>
    public const double ConsistentShare = 0.9;

    const string HalfWidth = ",;:()?";
    const string FullWidth = "，；：（）？";
    const string MixedMessage = "中文句子中混用了半角标点（, ; : ( ) ?），按 GB/T 15834-2011 应使用对应的全角标点（，；：（）？）。请逐处改正或一键全部替换。";
    const string ConsistentMessage = "全文使用半角标点（, ; : ( ) ?），按 GB/T 15834-2011 中文应使用全角标点（，；：（）？）。可一键全部替换为全角。";
    static readonly string[] Replacements = [.. FullWidth.Select(c => c.ToString())];

    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        int half = 0;
        int full = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (FullWidth.Contains(text[i]))
            {
                full++;
            }
            else if (HalfWidthAt(text, i) >= 0)
            {
                half++;
            }
        }

        if (half == 0)
        {
            return;
        }

        bool consistent = half >= ConsistentShare * (half + full);
        string severity = consistent ? Severities.Info : Severities.Warn;
        string message = consistent ? ConsistentMessage : MixedMessage;
        for (int i = 0; i < text.Length; i++)
        {
            int k = HalfWidthAt(text, i);
            if (k >= 0)
            {
                findings.AddFix(Aspects.Textual, RuleId, severity, message, i, 1, Replacements[k]);
            }
        }
    }

    /// <summary>The index of the half-width mark at <paramref name="i"/> when it stands in Chinese text, else -1.</summary>
    static int HalfWidthAt(string text, int i)
    {
        int k = HalfWidth.IndexOf(text[i]);
        if (k < 0)
        {
            return -1;
        }

        char before = i > 0 ? text[i - 1] : '\0';
        char after = i + 1 < text.Length ? text[i + 1] : '\0';
        bool inChinese = text[i] switch
        {
            '(' => Cjk.IsIdeograph(after),
            ')' => Cjk.IsIdeograph(before),
            _ => Cjk.IsIdeograph(before) && (Cjk.IsIdeograph(after) || Cjk.IsPunctuation(after)),
        };
        return inChinese ? k : -1;
    }
}
