using System.Text;
using System.Text.Json;

namespace Publishing.Testing.Fakes;

/// <summary>One request a fake received, as sent on the wire.</summary>
public sealed record FakeRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? ContentType,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON (throws when it is not JSON).</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    public bool IsMultipart => ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A form field from an urlencoded or multipart body; null when absent.</summary>
    public string? Form(string name) => FormFields().TryGetValue(name, out var value) ? value : null;

    /// <summary>Names of the multipart parts that carry a file name.</summary>
    public IReadOnlyList<string> FileParts() => IsMultipart ? FakeMultipart.Parse(Body, ContentType!).Where(p => p.FileName is not null).Select(p => p.Name).ToList() : [];

    /// <summary>The multipart part with this name, with its headers as received.</summary>
    public FakeMultipart.Part? Part(string name) => IsMultipart ? FakeMultipart.Parse(Body, ContentType!).FirstOrDefault(p => p.Name == name) : null;

    IReadOnlyDictionary<string, string> FormFields()
    {
        if (IsMultipart)
        {
            return FakeMultipart.Parse(Body, ContentType!)
                .Where(p => p.FileName is null)
                .GroupBy(p => p.Name)
                .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.First().Content));
        }

        return ParseUrlEncoded(BodyText);
    }

    internal static Dictionary<string, string> ParseUrlEncoded(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string key = Decode(equals < 0 ? pair : pair[..equals]);
            string value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            fields.TryAdd(key, value);
        }

        return fields;
    }

    static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
