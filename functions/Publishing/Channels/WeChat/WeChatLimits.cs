using System.Text;
using Publishing.Content;

namespace Publishing.Channels.WeChat;

/// <summary>WeChat's draft limits, checked before sending so a person gets the reason in Chinese instead of an errcode.</summary>
public static class WeChatLimits
{
    public const int MaxTitleLength = 32;
    public const int MaxAuthorLength = 16;
    public const int MaxDigestLength = 128;
    public const int DefaultDigestLength = 54;
    /// <summary>Content must be shorter than this many characters.</summary>
    public const int ContentLengthLimit = 20_000;
    /// <summary>Content must be smaller than 1 MB in UTF-8.</summary>
    public const int ContentByteLimit = 1024 * 1024;

    /// <summary>Problems with the draft, one Chinese sentence each; empty when WeChat will accept its sizes.</summary>
    public static IReadOnlyList<string> Validate(WeChatDraftArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var problems = new List<string>();
        int title = Length(article.Title);
        if (title == 0)
        {
            problems.Add("标题不能为空");
        }
        else if (title > MaxTitleLength)
        {
            problems.Add($"标题共 {title} 个字，超过微信上限 {MaxTitleLength} 个字，请缩短标题");
        }

        int author = Length(article.Author);
        if (author > MaxAuthorLength)
        {
            problems.Add($"作者共 {author} 个字，超过微信上限 {MaxAuthorLength} 个字，请缩短作者名称");
        }

        int digest = Length(article.Digest);
        if (digest > MaxDigestLength)
        {
            problems.Add($"摘要共 {digest} 个字，超过微信上限 {MaxDigestLength} 个字，请缩短摘要");
        }

        int content = Length(article.Content);
        if (content == 0)
        {
            problems.Add("正文不能为空");
        }
        else if (content >= ContentLengthLimit)
        {
            problems.Add($"正文共 {content} 个字符（含排版代码），微信要求少于 {ContentLengthLimit} 个字符，请精简正文或拆分发布");
        }
        else if (Encoding.UTF8.GetByteCount(article.Content) >= ContentByteLimit)
        {
            problems.Add("正文超过 1 MB，微信无法接收，请精简正文或减少内嵌内容");
        }

        return problems;
    }

    /// <summary>WeChat's default digest: the first 54 characters of the body's visible text.</summary>
    public static string DefaultDigest(string html)
    {
        string text = VisibleTextExtractor.Extract(html ?? string.Empty).Text;
        var collapsed = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c) || c == '\u3000';
            if (!space)
            {
                collapsed.Append(c);
            }
            else if (collapsed.Length > 0 && collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }

        return Truncate(collapsed.ToString().Trim(), DefaultDigestLength);
    }

    /// <summary>Characters as WeChat counts them: a character outside the BMP is one, not two UTF-16 units.</summary>
    public static int Length(string? text)
    {
        int count = 0;
        foreach (var _ in (text ?? string.Empty).EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    static string Truncate(string text, int characters)
    {
        var result = new StringBuilder();
        int count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count++ == characters)
            {
                break;
            }

            result.Append(rune.ToString());
        }

        return result.ToString().TrimEnd();
    }
}
