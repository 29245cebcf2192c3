using System.Text.Json;
using Publishing.Checks;
using Publishing.Review;

namespace Publishing.Items;

/// <summary>An item as <c>GET /api/items/{id}</c> returns it.</summary>
public sealed record ItemView(
    string Id,
    string Kind,
    string Title,
    int Version,
    string Status,
    string? Stage,
    string? IndexNumber,
    ItemMetadata Metadata,
    IReadOnlyList<string> Channels,
    string SubmittedBy,
    string SubmittedByName,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ReviewRecord> Reviews,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishAt,
    string? InterpretsItemId,
    int? ApprovedVersion,
    string? ContentHash)
{
    public static ItemView From(ItemRecord record, IReadOnlyList<Finding> findings) => new(
        record.Id,
        record.Kind,
        record.Title,
        record.Version,
        record.Status,
        record.Stage,
        record.IndexNumber,
        JsonSerializer.Deserialize<ItemMetadata>(record.MetadataJson, ItemReadModel.Json) ?? new ItemMetadata(),
        JsonSerializer.Deserialize<List<string>>(record.ChannelsJson, ItemReadModel.Json) ?? [],
        record.SubmittedBy,
        record.SubmittedByName,
        findings,
        ItemReadModel.Reviews(record),
        record.DueAt,
        record.CreatedAt,
        record.UpdatedAt,
        record.PublishAt,
        record.InterpretsItemId,
        record.ApprovedVersion,
        record.ContentHash);
}

/// <summary>A row of <c>GET /api/items</c>.</summary>
public sealed record ItemSummary(
    string Id, string Kind, string Title, int Version, string Status, string? Stage, string? IndexNumber,
    string SubmittedBy, int BlockFindings, int WarnFindings, DateTimeOffset? DueAt, DateTimeOffset UpdatedAt)
{
    public static ItemSummary From(ItemRecord r) => new(
        r.Id, r.Kind, r.Title, r.Version, r.Status, r.Stage, r.IndexNumber, r.SubmittedBy,
        r.BlockFindings, r.WarnFindings, r.DueAt, r.UpdatedAt);
}

public sealed record SubmissionAccepted(string Id, string Status, int Version, string? IndexNumber);
