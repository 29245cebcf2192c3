using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Publishing.Http;

/// <summary>
/// Typed query-string values, parsed the same way in both hosts: the handlers take the raw text, so a value that is
/// not a number or not true/false is a per-field 400 in Chinese in the Functions app and the local host alike (the
/// framework's own binding would answer the local host with a bare 400 and the Functions app would ignore it).
/// </summary>
public sealed class QueryValues
{
    readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    /// <summary><c>true</c>/<c>false</c> (any letter case), or null when the parameter is absent or empty.</summary>
    public bool? Bool(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (bool.TryParse(text, out bool value))
        {
            return value;
        }

        errors[name] = [$"参数 {name} 只能是 true 或 false，收到的是“{Shorten(text)}”。"];
        return null;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or null when absent or empty.</summary>
    public int? Int(string? text, string name, int min = int.MinValue, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [max == int.MaxValue && min == int.MinValue
            ? $"参数 {name} 须为整数，收到的是“{Shorten(text)}”。"
            : $"参数 {name} 须为 {min} 至 {max} 之间的整数，收到的是“{Shorten(text)}”。"];
        return null;
    }

    /// <summary>The 400 for every value that did not parse, or null when all did.</summary>
    public IResult? Problem => errors.Count == 0 ? null : ApiProblems.Validation(errors);

    static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
