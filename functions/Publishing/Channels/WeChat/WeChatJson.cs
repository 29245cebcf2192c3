using System.Text.Encodings.Web;
using System.Text.Json;

namespace Publishing.Channels.WeChat;

/// <summary>Reading and writing WeChat's JSON.</summary>
internal static class WeChatJson
{
    /// <summary>
    /// Chinese must travel as characters, not <c>\uXXXX</c> escapes: WeChat counts and stores what it receives,
    /// so escaped text would exceed the length limits. Safe because the payload goes to an API, never into a page.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new WeChatUnescapedStringConverter() },
    };

    /// <summary>Parses the body and throws <see cref="WeChatApiException"/> when <c>errcode</c> is present and not 0.</summary>
    public static async Task<JsonDocument> ReadCheckedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException("WeChat returned a body that is not JSON.", exception);
            }

            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errcode", out var code)
                && code.ValueKind == JsonValueKind.Number
                && code.TryGetInt32(out int errorCode)
                && errorCode != 0)
            {
                string message = root.TryGetProperty("errmsg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
                document.Dispose();
                throw new WeChatApiException(errorCode, message);
            }

            return document;
        }
    }

    /// <summary>WeChat returns ids sometimes as strings and sometimes as numbers.</summary>
    public static string? IdString(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
