using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Publishing.Documents;

/// <summary>
/// 文号 — official document number: 机关代字〔年份〕序号号, e.g. 临政办字〔2023〕45号, 国办发〔2019〕19号.
/// The year sits in 六角括号 〔〕 (GB/T 9704-2012 §7.2.3); square brackets, parentheses and 【】 are errors.
/// </summary>
public sealed partial record DocumentNumber(string Agency, int Year, int Serial)
{
    /// <summary>Bracket pairs people type instead of 〔〕.</summary>
    internal const string WrongOpeners = "[(【［（﹝";
    internal const string WrongClosers = "])】］）﹞";

    public override string ToString() => $"{Agency}〔{Year}〕{Serial}号";

    public static bool TryParse(string? text, [NotNullWhen(true)] out DocumentNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Correct().Match(text.Trim());
        if (!match.Success
            || !int.TryParse(match.Groups["year"].ValueSpan, out int year)
            || !int.TryParse(match.Groups["serial"].ValueSpan, out int serial)
            || year is < 1949 or > 2100
            || serial < 1)
        {
            return false;
        }

        number = new DocumentNumber(match.Groups["agency"].Value, year, serial);
        return true;
    }

    /// <summary>
    /// The corrected 文号 when <paramref name="text"/> is one written with wrong brackets
    /// (临政办字[2023]45号 → 临政办字〔2023〕45号); null when it is already correct or not a 文号 at all.
    /// </summary>
    public static string? SuggestCorrection(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || TryParse(text, out _))
        {
            return null;
        }

        var match = Wrong().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        string candidate = $"{match.Groups["agency"].Value}〔{match.Groups["year"].Value}〕{match.Groups["serial"].Value}号";
        return TryParse(candidate, out var number) ? number.ToString() : null;
    }

    [GeneratedRegex(@"^(?<agency>\p{IsCJKUnifiedIdeographs}{1,20})〔(?<year>\d{4})〕(?<serial>\d{1,5})号$")]
    private static partial Regex Correct();

    [GeneratedRegex(@"^(?<agency>\p{IsCJKUnifiedIdeographs}{1,20})\s*[\[(【［（﹝〔]\s*(?<year>\d{4})\s*[\])】］）﹞〕]\s*(?<serial>\d{1,5})\s*号$")]
    private static partial Regex Wrong();
}
