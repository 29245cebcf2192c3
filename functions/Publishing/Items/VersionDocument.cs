using System.Text.Json;

namespace Publishing.Items;

/// <summary>Everything about one version except its body: stored as the version's metadata.json.</summary>
public sealed record VersionDocument(
    string Kind,
    string Title,
    ItemMetadata Metadata,
    IReadOnlyList<string> Channels,
    DateTimeOffset? PublishAt,
    string? InterpretsItemId,
    string SubmittedBy,
    DateTimeOffset SubmittedAt)
{
    static readonly JsonSerializerOptions Json = Storage.StorageJson.Options;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static VersionDocument FromJson(string json) =>
        JsonSerializer.Deserialize<VersionDocument>(json, Json) ?? throw new InvalidDataException("Empty version document.");
}
