namespace Publishing.Checks.Detectors;

/// <summary>文字关: half-width , ; : ( ) ? inside Chinese sentences, where GB/T 15834-2011 asks for full-width marks.</summary>
public sealed class HalfWidthPunctuationCheck : ICheck
{
    const string HalfWidth = ",;:()?";
    const string FullWidth = "，；：（）？";

    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        for (int i = 0; i < text.Length; i++)
        {
            int k = HalfWidth.IndexOf(text[i]);
            if (k < 0)
            {
                continue;
            }

            char before = i > 0 ? text[i - 1] : '\0';
            char after = i + 1 < text.Length ? text[i + 1] : '\0';
            bool inChinese = text[i] switch
            {
                '(' => Cjk.IsIdeograph(after),
                ')' => Cjk.IsIdeograph(before),
                _ => Cjk.IsIdeograph(before) && (Cjk.IsIdeograph(after) || Cjk.IsPunctuation(after)),
            };
            if (inChinese)
            {
                findings.Add(Aspects.Textual, "textual.half-width-punctuation", Severities.Warn,
                    $"中文句子中使用了半角符号“{text[i]}”，应使用全角“{FullWidth[k]}”。", i, 1, FullWidth[k].ToString());
            }
        }
    }
}
