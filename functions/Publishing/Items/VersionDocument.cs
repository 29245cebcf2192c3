using System.Text.Json;
using System.Text.Json.Serialization;
using Publishing.Assets;

namespace Publishing.Items;

/// <summary>Everything about one version except its body: stored as the version's metadata.json.</summary>
/// <param name="Attachments">Listed under the article; each with its SHA-256, so the content hash covers the files.</param>
public sealed record VersionDocument(
    string Kind,
    string Title,
    ItemMetadata Metadata,
    IReadOnlyList<string> Channels,
    DateTimeOffset? PublishAt,
    string? InterpretsItemId,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<VersionAttachment>? Attachments = null)
{
    static readonly JsonSerializerOptions Json = Storage.StorageJson.Options;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static VersionDocument FromJson(string json) =>
        JsonSerializer.Deserialize<VersionDocument>(json, Json) ?? throw new InvalidDataException("Empty version document.");
}
