using System.Text.Json;
using System.Text.Json.Serialization;
using Publishing.Checks;

namespace Publishing.Assets;

/// <summary>How much text an attachment gave the checks.</summary>
/// <param name="Pages">Pages of a PDF; null for other formats.</param>
public sealed record AssetTextSummary(int Chars, int? Pages);

/// <summary>
/// One uploaded file as stored: its bytes live at <c>content/{sha256}</c> (content-addressed, never replaced),
/// this record at <c>records/{id}.json</c> (written once).
/// </summary>
public sealed record AssetRecord(
    string Id,
    string FileName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AssetFormat>))] AssetFormat Format,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    AssetTextSummary Text,
    IReadOnlyList<Finding> Findings)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Url => AssetsApi.ContentUrl(Id);
}
