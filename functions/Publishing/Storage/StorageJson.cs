using System.Text.Encodings.Web;
using System.Text.Json;

namespace Publishing.Storage;

/// <summary>
/// JSON for what we store (table columns, blob documents, orchestration-independent records): Chinese text is kept as
/// is, not as six-character <c>\uXXXX</c> escapes, so a 2,000-character comment stays ~2,000 characters and Table
/// storage's 64 KiB property limit is far away. Relaxed escaping does not protect HTML: never embed this output in a
/// page or script; renderers encode for their own context.
/// </summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
