using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Publishing.Documents;

/// <summary>文号 — official document number 机关代字〔年份〕序号号, e.g. 临政办字〔2023〕45号.</summary>
public sealed partial record DocumentNumber(string Agency, int Year, int Serial)
{
    // CONTRACT STUB — replaced by the checks work (issue 4).
    public static bool TryParse(string text, [NotNullWhen(true)] out DocumentNumber? number)
    {
        var match = Pattern().Match(text.Trim());
        number = match.Success
            ? new DocumentNumber(match.Groups[1].Value, int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value))
            : null;
        return number is not null;
    }

    [GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs}[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]*)〔(\d{4})〕(\d{1,6})号$")]
    private static partial Regex Pattern();
}
