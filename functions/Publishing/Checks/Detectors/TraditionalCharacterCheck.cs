using System.Text;

namespace Publishing.Checks.Detectors;

/// <summary>文字关: traditional characters in a simplified document, one finding per run, with the simplified text as suggestion.</summary>
public sealed class TraditionalCharacterCheck : ICheck
{
    /// <summary>A longer run (a whole traditional document) is reported in pieces of this length.</summary>
    const int MaxRun = 100;

    // One message for every run, so a document's traditional characters are one finding; each run carries its fix.
    const string Message = "简体文档中混入繁体字，应改为简体（每处附简体写法，可逐处或一键替换）。请核对后修改。";

    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        var table = context.Rules.Traditional;
        int i = 0;
        while (i < text.Length)
        {
            if (table.Simplify(text[i]) == '\0')
            {
                i++;
                continue;
            }

            int start = i;
            var simplified = new StringBuilder();
            while (i < text.Length && i - start < MaxRun)
            {
                char s = table.Simplify(text[i]);
                if (s != '\0')
                {
                    simplified.Append(s);
                    i++;
                }
                else if (i + 1 < text.Length && Cjk.IsIdeograph(text[i]) && table.Simplify(text[i + 1]) != '\0')
                {
                    // A character shared by both scripts (公 in 政務公開) does not split one traditional phrase.
                    simplified.Append(text[i]);
                    i++;
                }
                else
                {
                    break;
                }
            }

            findings.AddFix(Aspects.Textual, "textual.traditional-character", Severities.Warn,
                Message, start, i - start, simplified.ToString());
        }
    }
}
