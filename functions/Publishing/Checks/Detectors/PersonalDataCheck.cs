using System.Text;
using System.Text.RegularExpressions;

namespace Publishing.Checks.Detectors;

/// <summary>
/// 保密关, personal data not masked: ID-card numbers, mobile numbers, bank cards, e-mail addresses, also when written
/// in groups (138 0013 8000, 110101-19900307-4258). Works on whole alphanumeric tokens, so digits inside a longer run
/// (statistics, 索引号, credit codes) never match and masked forms (370102********1234, 138****5678) are one token
/// containing '*', which is skipped. Findings show the data masked, which is also the suggested fix.
/// Mailboxes and mobile numbers are judged by their context (<see cref="ContactContext"/>): presented as an office's
/// contact (in a contact line such as 联系电话/电子邮箱, or after an organisation's name) they are a warning for a person
/// to confirm, on any mail provider (county offices publish 163.com and qq.com mailboxes); next to a private person's
/// name (联系人张三…, 王老师 138…) or without any context they stay blocked. Office landlines (0531-12380) and hotlines
/// (12345) are not personal data.
/// </summary>
public sealed partial class PersonalDataCheck : ICheck
{
    const string Rule = "confidentiality.personal-data";

    /// <summary>Groups of at least this many digits, joined by one space or hyphen, are read as one number.</summary>
    const int MinGroupLength = 3;

    /// <summary>The longest number looked for (a 19-digit bank card) in at most this many groups.</summary>
    const int MaxGroups = 6;

    public void Run(CheckContext context, FindingCollector findings)
    {
        string text = context.Text;
        int i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            i = TokenEnd(text, i);
            // The local part of a mailbox (18745358881@163.com) is judged with the mailbox, not as a number of its own.
            if (text.AsSpan(start, i - start).Contains('*') || IsLabelled(text, start) || (i < text.Length && text[i] == '@'))
            {
                continue;
            }

            // Grouped first: 138 0013 8000 is one mobile number, not three short tokens.
            if (TryGrouped(text, start, i, out int groupedEnd, out string digits) && Report(findings, text, digits, start, groupedEnd - start))
            {
                i = groupedEnd;
                continue;
            }

            Report(findings, text, text[start..i], start, i - start);
        }

        foreach (Match email in Email().Matches(text))
        {
            // Published office mailboxes (…gov.cn) are contact points, not personal data; left for a reviewer to glance at.
            if (email.Groups["domain"].Value.EndsWith("gov.cn", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Aspects.Confidentiality, Rule + ".email", Severities.Info,
                    "出现政府机关电子邮箱，请确认是对外公开的公务邮箱。", email.Index, email.Length);
            }
            else if (ContactContext.Classify(text, email.Index, mail: true) is ContactOwner.ContactLine or ContactOwner.Organisation)
            {
                findings.AddMaskedNoFix(Aspects.Confidentiality, Rule + ".email", Severities.Warn,
                    "出现作为单位联系方式公开的电子邮箱（非政府域名）。请确认是单位对外公开的公务邮箱，而非个人邮箱；如属个人邮箱，请删除或改为脱敏形式。",
                    email.Index, email.Length, PersonalDataMask.Email(email.Value));
            }
            else
            {
                findings.AddMasked(Aspects.Confidentiality, Rule + ".email", Severities.Block,
                    "出现个人电子邮箱地址，公开会泄露个人隐私。请删除或改为脱敏形式（如z***@example.com）。",
                    email.Index, email.Length, PersonalDataMask.Email(email.Value));
            }
        }
    }

    enum Kind { None, IdCard, Mobile, BankCard }

    static Kind Classify(string token) =>
        NationalId.IsValid(token) ? Kind.IdCard : IsMobile(token) ? Kind.Mobile : IsBankCard(token) ? Kind.BankCard : Kind.None;

    static bool Report(FindingCollector findings, string text, string token, int start, int length)
    {
        switch (Classify(token))
        {
            case Kind.IdCard:
                findings.AddMasked(Aspects.Confidentiality, Rule + ".id-card", Severities.Block,
                    "出现未脱敏的居民身份证号码，公开会泄露个人隐私。请删除或改为脱敏形式（如370102********1234）。", start, length,
                    PersonalDataMask.NationalId(token.ToUpperInvariant()));
                return true;
            case Kind.Mobile when ContactContext.Classify(text, start, mail: false) is ContactOwner.ContactLine or ContactOwner.Organisation:
                findings.AddMaskedNoFix(Aspects.Confidentiality, Rule + ".mobile", Severities.Warn,
                    "单位联系电话使用了手机号码。请确认该号码是单位对外公开的工作电话，而非个人手机；如属个人手机，请删除或改为脱敏形式（如138****5678），公务联系请使用办公电话。",
                    start, length, PersonalDataMask.Mobile(token));
                return true;
            case Kind.Mobile:
                findings.AddMasked(Aspects.Confidentiality, Rule + ".mobile", Severities.Block,
                    "出现未脱敏的手机号码，公开会泄露个人隐私。请删除或改为脱敏形式（如138****5678），公务联系请使用办公电话。", start, length,
                    PersonalDataMask.Mobile(token));
                return true;
            case Kind.BankCard:
                findings.AddMasked(Aspects.Confidentiality, Rule + ".bank-card", Severities.Block,
                    "出现未脱敏的银行卡号，公开会泄露个人隐私。请删除或仅保留末4位。", start, length, PersonalDataMask.BankCard(token));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Digit groups joined by one space or one hyphen (the same throughout) that read as personal data: the most
    /// groups that do, so 138 0013 8000 is one mobile number even when another group follows.
    /// </summary>
    static bool TryGrouped(string text, int start, int end, out int groupedEnd, out string digits)
    {
        groupedEnd = end;
        digits = "";
        if (!IsDigitGroup(text, start, end, last: false))
        {
            return false;
        }

        var joined = new StringBuilder(text, start, end - start, 24);
        var groupEnds = new List<(int End, int Digits)>(MaxGroups);
        char separator = '\0';
        int at = end;
        while (groupEnds.Count + 1 < MaxGroups && at + 1 < text.Length && (separator == '\0' ? text[at] is ' ' or '-' : text[at] == separator)
            && IsTokenChar(text[at + 1]))
        {
            int next = TokenEnd(text, at + 1);
            if (!IsDigitGroup(text, at + 1, next, last: true) || joined.Length + next - at - 1 > 19)
            {
                break;
            }

            separator = text[at];
            joined.Append(text, at + 1, next - at - 1);
            at = next;
            groupEnds.Add((at, joined.Length));
        }

        string all = joined.ToString();
        for (int k = groupEnds.Count - 1; k >= 0; k--)
        {
            string candidate = all[..groupEnds[k].Digits];
            if (Classify(candidate) != Kind.None)
            {
                groupedEnd = groupEnds[k].End;
                digits = candidate;
                return true;
            }
        }

        return false;
    }

    static bool IsDigitGroup(string text, int start, int end, bool last)
    {
        var group = text.AsSpan(start, end - start);
        if (group.Length < MinGroupLength)
        {
            return false;
        }

        // An ID number's check character may close the last group.
        var digits = last && group[^1] is 'X' or 'x' ? group[..^1] : group;
        return !digits.ContainsAnyExceptInRange('0', '9');
    }

    static int TokenEnd(string text, int i)
    {
        while (i < text.Length && IsTokenChar(text[i]))
        {
            i++;
        }

        return i;
    }

    static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '*';

    /// <summary>Numbers a document labels as organisation codes or index numbers are not personal data.</summary>
    static bool IsLabelled(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 12), Math.Min(12, start));
        return before.Contains("信用代码", StringComparison.Ordinal)
            || before.Contains("索引号", StringComparison.Ordinal)
            || before.Contains("机构代码", StringComparison.Ordinal);
    }

    static bool IsMobile(ReadOnlySpan<char> token) =>
        token.Length == 11 && token[0] == '1' && token[1] is >= '3' and <= '9' && IsDigits(token);

    static bool IsBankCard(ReadOnlySpan<char> token) =>
        token.Length is >= 16 and <= 19
        && IsDigits(token)
        && (token.StartsWith("62") || token[0] is '4' or '5')
        && Luhn(token);

    static bool IsDigits(ReadOnlySpan<char> token) => !token.ContainsAnyExceptInRange('0', '9');

    static bool Luhn(ReadOnlySpan<char> digits)
    {
        int sum = 0;
        bool twice = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (twice)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            twice = !twice;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-*])[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})")]
    private static partial Regex Email();
}
