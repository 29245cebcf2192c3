using System.Net.Http.Headers;
using System.Text;

namespace Publishing.Testing.Fakes;

/// <summary>A minimal multipart/form-data reader, enough to check what a client uploaded.</summary>
public static class FakeMultipart
{
    public sealed record Part(string Name, string? FileName, string? ContentType, string ContentDisposition, byte[] Content);

    public static IReadOnlyList<Part> Parse(byte[] body, string contentType)
    {
        var header = MediaTypeHeaderValue.Parse(contentType);
        string? boundary = header.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        if (string.IsNullOrEmpty(boundary))
        {
            return [];
        }

        // Latin-1 maps bytes 1:1 to chars, so binary parts survive the string search.
        string text = Encoding.Latin1.GetString(body);
        string delimiter = "--" + boundary;
        var parts = new List<Part>();
        foreach (string section in text.Split(delimiter).Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            int headerEnd = section.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                continue;
            }

            var headers = section[..headerEnd].Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(':', 2))
                .Where(kv => kv.Length == 2)
                .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.OrdinalIgnoreCase);
            string content = section[(headerEnd + 4)..];
            if (content.EndsWith("\r\n", StringComparison.Ordinal))
            {
                content = content[..^2];
            }

            string disposition = headers.GetValueOrDefault("Content-Disposition", string.Empty);
            var parsed = ContentDispositionHeaderValue.TryParse(disposition, out var value) ? value : null;
            string name = parsed?.Name?.Trim('"') ?? string.Empty;
            string? fileName = parsed?.FileName?.Trim('"') ?? parsed?.FileNameStar;
            parts.Add(new Part(name, fileName, headers.GetValueOrDefault("Content-Type"), disposition, Encoding.Latin1.GetBytes(content)));
        }

        return parts;
    }
}
