using System.Text;

namespace Publishing.Channels.Weibo;

/// <summary>
/// Builds the text of a 政务微博 post, <c>【标题】摘要 链接</c>, within Weibo's 140 汉字, where two ASCII or half-width
/// characters count as one 汉字. The link is never cut (Weibo requires it, and a broken link misleads the public);
/// the summary is shortened first, then the title, each ending in "…".
/// </summary>
public static class WeiboStatusComposer
{
    public const int MaxLength = 140;
    const int MaxHalfUnits = MaxLength * 2;
    const string Ellipsis = "…";
    /// <summary>A summary cut shorter than this many half units (5 汉字 plus the ellipsis) says nothing; drop it instead.</summary>
    const int MinSummaryHalfUnits = 12;

    public static string Compose(string title, string? summary, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        title = Collapse(title);
        summary = Collapse(summary ?? string.Empty);
        url = url.Trim();

        int budget = MaxHalfUnits - HalfUnits("【】 ") - HalfUnits(url);
        if (budget < HalfUnits(Ellipsis) + 2)
        {
            throw new ArgumentException("链接过长，微博正文放不下标题，请使用更短的文章链接", nameof(url));
        }

        int titleCost = HalfUnits(title);
        if (titleCost + HalfUnits(summary) <= budget)
        {
            return Build(title, summary, url);
        }

        int summaryBudget = budget - titleCost;
        return summaryBudget >= MinSummaryHalfUnits
            ? Build(title, Cut(summary, summaryBudget), url)
            : Build(Cut(title, budget), string.Empty, url);
    }

    /// <summary>Length as Weibo counts it, in 汉字 (two ASCII or half-width characters make one, rounded up).</summary>
    public static int Length(string text) => (HalfUnits(text) + 1) / 2;

    static string Build(string title, string summary, string url) => $"【{title}】{summary} {url}";

    static int HalfUnits(string text)
    {
        int units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            units += HalfUnits(rune);
        }

        return units;
    }

    static int HalfUnits(Rune rune) =>
        rune.IsAscii || rune.Value is >= 0xFF61 and <= 0xFFDC or >= 0xFFE8 and <= 0xFFEE ? 1 : 2;

    static string Cut(string text, int budget)
    {
        int available = budget - HalfUnits(Ellipsis);
        var kept = new StringBuilder();
        int used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            int cost = HalfUnits(rune);
            if (used + cost > available)
            {
                break;
            }

            kept.Append(rune.ToString());
            used += cost;
        }

        // "…" after a comma or space reads as a typo.
        return kept.ToString().TrimEnd(' ', '，', '、', '；', '：', '。', ',', ';', ':', '.') + Ellipsis;
    }

    static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString().Trim();
    }
}
