using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace Publishing.Desk;

/// <summary>One built file of the desk: its bytes, a gzip copy for text types, and a strong ETag.</summary>
public sealed record DeskFile(string Path, byte[] Content, byte[]? Gzipped, string ContentType, string ETag);

/// <summary>
/// The desk's built files (Vite output of <c>desk/</c>), embedded in the library as resources <c>Desk/…</c> by
/// Publishing.csproj, so both hosts serve the same bytes and the Functions package carries them. Loaded once.
/// </summary>
public sealed class DeskFiles
{
    public const string ResourcePrefix = "Desk/";
    public const string IndexPath = "index.html";

    static readonly FileExtensionContentTypeProvider ContentTypes = new();

    readonly FrozenDictionary<string, DeskFile> files;

    public DeskFiles() : this(typeof(DeskFiles).Assembly)
    {
    }

    public DeskFiles(Assembly assembly)
    {
        var loaded = new Dictionary<string, DeskFile>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            loaded[path] = Create(path, buffer.ToArray());
        }

        files = loaded.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>False when the library was built without the desk (its npm build did not run).</summary>
    public bool HasIndex => files.ContainsKey(IndexPath);

    public DeskFile? Find(string path) => files.GetValueOrDefault(path);

    static DeskFile Create(string path, byte[] content)
    {
        string contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType is "application/javascript" or "text/javascript" or "application/json" or "image/svg+xml")
        {
            contentType = contentType.Contains("charset", StringComparison.Ordinal) ? contentType : contentType + "; charset=utf-8";
        }

        byte[]? gzipped = IsCompressible(contentType) ? Gzip(content) : null;
        string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"";
        return new DeskFile(path, content, gzipped is not null && gzipped.Length < content.Length ? gzipped : null, contentType, etag);
    }

    static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("javascript", StringComparison.Ordinal)
        || contentType.Contains("json", StringComparison.Ordinal) || contentType.Contains("svg", StringComparison.Ordinal);

    static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
