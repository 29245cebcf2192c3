using Publishing.Assets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Publishing.Storage;

namespace Publishing.Items;

/// <summary>
/// Everything about a submission except its body, carried in the item orchestration's input so the orchestration can
/// finish a submission whose request died midway (the bodies are stored before it is scheduled).
/// </summary>
/// <param name="SubmissionHash">SHA-256 over the whole request: a reused Idempotency-Key must carry the same.</param>
public sealed record SubmissionTicket(
    string ItemId,
    string Kind,
    string Title,
    ItemMetadata Metadata,
    IReadOnlyList<string> Channels,
    DateTimeOffset? PublishAt,
    string? InterpretsItemId,
    bool? RequiresInterpretation,
    string SubmittedBy,
    string SubmittedByName,
    DateTimeOffset CreatedAt,
    string? IdempotencyKey,
    string SubmissionHash,
    IReadOnlyList<VersionAttachment>? Attachments = null)
{
    public static string HashOf(SubmissionRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, StorageJson.Options))));

    public VersionDocument Document(ItemMetadata metadata) =>
        new(Kind, Title, metadata, Channels, PublishAt, InterpretsItemId, SubmittedBy, CreatedAt, Attachments);
}
