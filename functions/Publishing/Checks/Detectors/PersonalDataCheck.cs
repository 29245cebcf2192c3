using System.Text.RegularExpressions;

namespace Publishing.Checks.Detectors;

/// <summary>
/// 保密关, personal data not masked: ID-card numbers, mobile numbers, bank cards, e-mail addresses.
/// Works on whole alphanumeric tokens, so digits inside a longer run (statistics, 索引号, credit codes) never match
/// and masked forms (370102********1234, 138****5678) are one token containing '*', which is skipped.
/// </summary>
public sealed partial class PersonalDataCheck : ICheck
{
    const string Rule = "confidentiality.personal-data";

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
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }

            var token = text.AsSpan(start, i - start);
            if (token.Contains('*') || IsLabelled(text, start))
            {
                continue;
            }

            if (NationalId.IsValid(token))
            {
                findings.Add(Aspects.Confidentiality, Rule + ".id-card", Severities.Block,
                    "出现未脱敏的居民身份证号码，公开会泄露个人隐私。请删除或改为脱敏形式（如370102********1234）。", start, token.Length);
            }
            else if (IsMobile(token))
            {
                findings.Add(Aspects.Confidentiality, Rule + ".mobile", Severities.Block,
                    "出现未脱敏的手机号码，公开会泄露个人隐私。请删除或改为脱敏形式（如138****5678），公务联系请使用办公电话。", start, token.Length);
            }
            else if (IsBankCard(token))
            {
                findings.Add(Aspects.Confidentiality, Rule + ".bank-card", Severities.Block,
                    "出现未脱敏的银行卡号，公开会泄露个人隐私。请删除或仅保留末4位。", start, token.Length);
            }
        }

        foreach (Match email in Email().Matches(text))
        {
            // Published office mailboxes (…gov.cn) are contact points, not personal data; left for a reviewer to glance at.
            bool official = email.Groups["domain"].Value.EndsWith("gov.cn", StringComparison.OrdinalIgnoreCase);
            findings.Add(Aspects.Confidentiality, Rule + ".email", official ? Severities.Info : Severities.Block,
                official
                    ? "出现政府机关电子邮箱，请确认是对外公开的公务邮箱。"
                    : "出现个人电子邮箱地址，公开会泄露个人隐私。请删除或改为脱敏形式（如z***@example.com）。",
                email.Index, email.Length);
        }
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
