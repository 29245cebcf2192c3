namespace Publishing.Checks.Detectors;

/// <summary>文字关: 《》“”‘’（）【】 that open without closing or close without opening, checked per paragraph.</summary>
public sealed class PairedPunctuationCheck : ICheck
{
    const string Openers = "《“‘（【";
    const string Closers = "》”’）】";

    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        var open = new Stack<int>[Openers.Length];
        for (int k = 0; k < open.Length; k++)
        {
            open[k] = new Stack<int>();
        }

        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                for (int k = 0; k < open.Length; k++)
                {
                    foreach (int at in open[k].Reverse())
                    {
                        Report(findings, at, $"“{Openers[k]}”缺少配对的“{Closers[k]}”。请补全或删除多余的符号。");
                    }

                    open[k].Clear();
                }

                continue;
            }

            int opener = Openers.IndexOf(text[i]);
            if (opener >= 0)
            {
                open[opener].Push(i);
                continue;
            }

            int closer = Closers.IndexOf(text[i]);
            if (closer >= 0 && !open[closer].TryPop(out _))
            {
                Report(findings, i, $"“{Closers[closer]}”前缺少配对的“{Openers[closer]}”。请补全或删除多余的符号。");
            }
        }
    }

    static void Report(FindingCollector findings, int at, string message) =>
        findings.Add(Aspects.Textual, "textual.unbalanced-punctuation", Severities.Warn, message, at, 1);
}
