namespace Publishing.Items;

/// <summary>
/// The longest value every text field accepts (characters), checked with a per-field 400 before anything is stored.
/// They keep each Table row far below the 64 KiB property and 1 MiB entity limits; the README lists them.
/// </summary>
public static class FieldLimits
{
    public const int Title = 200;
    /// <summary>发布机构.</summary>
    public const int Publisher = 100;
    /// <summary>主题分类 / 组配分类.</summary>
    public const int Category = 50;
    /// <summary>有效性.</summary>
    public const int Validity = 20;
    /// <summary>文号.</summary>
    public const int DocumentNumber = 50;
    public const int OrgCode = 18;
    /// <summary>索引号: org code (18) / category code (16) / year-sequence.</summary>
    public const int IndexNumber = 50;
    public const int WechatTitle = 32;
    public const int Comment = 2000;
    /// <summary>Withdrawal and retraction reasons.</summary>
    public const int Reason = 500;
    /// <summary>A person's note on a resolved channel.</summary>
    public const int Note = 2000;
    public const int IdempotencyKey = 200;

    /// <summary>Why <paramref name="text"/> cannot be stored as a single-line field, or null when it can.</summary>
    /// <remarks>
    /// Control characters (NUL …), noncharacters (U+FFFE, U+FFFF) and unpaired surrogates are refused: Table storage and
    /// the channels' APIs reject or mangle them, and no real title contains them.
    /// </remarks>
    public static string? InvalidCharacters(string text, bool multiLine = false)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "含有无效的字符编码（孤立的代理项）";
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return "含有无效字符（U+FFFE/U+FFFF）";
            }

            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                return multiLine ? "含有控制字符（如 NUL），请删除后重新提交" : "含有控制字符或换行，请删除后重新提交";
            }
        }

        return null;
    }

    /// <summary>The Chinese error for a text field over its limit or with invalid characters, or null when it is fine.</summary>
    public static string? Check(string? text, int max, string label, bool multiLine = false)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > max)
        {
            return $"{label}过长（{text.Length} 字），不能超过 {max} 字。";
        }

        return InvalidCharacters(text, multiLine) is { } problem ? $"{label}{problem}。" : null;
    }
}
