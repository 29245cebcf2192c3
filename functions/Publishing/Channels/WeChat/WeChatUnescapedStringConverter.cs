using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Writes strings escaping only what JSON requires (quote, backslash, control characters). Even the relaxed built-in
/// encoder escapes U+3000 (the ideographic space that indents every paragraph of an official document) and characters
/// outside the BMP (rare characters in names), and WeChat counts the six or twelve characters of the escape against
/// its limits.
/// </summary>
internal sealed class WeChatUnescapedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Quote(value), skipInputValidation: true);

    internal static string Quote(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        // EnumerateRunes turns a lone surrogate into U+FFFD, so the output is always valid UTF-8.
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < 0x20: json.Append("\\u").Append(rune.Value.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: json.Append(rune.ToString()); break;
            }
        }

        return json.Append('"').ToString();
    }
}
