using System.Text.Json;
using Publishing.Checks;
using Publishing.Lifecycle;

namespace Publishing.Items;

/// <summary>An item as <c>GET /api/items/{id}</c> returns it.</summary>
public sealed record ItemView(
    string Id,
    string Kind,
    string Title,
    int Version,
    ItemStatus Status,
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
    string? ContentHash,
    IReadOnlyDictionary<string, PublicationView> Publications)
{
    /// <summary>When the 公示期 ended and the article was taken off the website; null while it is on.</summary>
    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>Warnings of this version that a reviewer dismissed as false alarms, with the reason, for later stages.</summary>
    public IReadOnlyList<Publishing.Lifecycle.FindingDismissal> Dismissals { get; init; } = [];

    /// <param name="reviews">Every decision on the item (its review rows); the current version's alone when omitted.</param>
    public static ItemView From(
        ItemRecord record, IReadOnlyList<Finding> findings, IReadOnlyList<PublicationRecord>? publications = null,
        IReadOnlyList<ReviewRecord>? reviews = null) => new(
        record.Id,
        record.Kind,
        record.Title,
        record.Version,
        record.Status,
        record.Stage,
        record.IndexNumber,
        JsonSerializer.Deserialize<ItemMetadata>(record.MetadataJson, ItemReadModel.Json) ?? new ItemMetadata(),
        ItemReadModel.Channels(record),
        record.SubmittedBy,
        record.SubmittedByName,
        findings,
        reviews ?? ItemReadModel.Reviews(record),
        record.DueAt,
        record.CreatedAt,
        record.UpdatedAt,
        record.PublishAt,
        record.InterpretsItemId,
        record.ApprovedVersion,
        record.ContentHash,
        (publications ?? []).ToDictionary(p => p.Channel, PublicationView.From)) { ExpiredAt = record.ExpiredAt };
}

/// <summary>A row of <c>GET /api/items</c>.</summary>
public sealed record ItemSummary(
    string Id, string Kind, string Title, int Version, ItemStatus Status, string? Stage, string? IndexNumber,
    string SubmittedBy, int BlockFindings, int WarnFindings, DateTimeOffset? DueAt, DateTimeOffset UpdatedAt)
{
    public static ItemSummary From(ItemRecord r) => new(
        r.Id, r.Kind, r.Title, r.Version, r.Status, r.Stage, r.IndexNumber, r.SubmittedBy,
        r.BlockFindings, r.WarnFindings, r.DueAt, r.UpdatedAt);
}

public sealed record SubmissionAccepted(string Id, ItemStatus Status, int Version, string? IndexNumber);

/// <summary>One channel's publication as shown on the item.</summary>
public sealed record PublicationView(
    ChannelState State, string? Url, int Version, int Attempts, string? LastError, DateTimeOffset UpdatedAt,
    string? DraftMediaId, string? PublishId, string? ArticleId, string? WeiboId, string? OutboxBlob)
{
    public static PublicationView From(PublicationRecord r) => new(
        r.State,
        r.Url, r.Version, r.Attempts, r.LastError, r.UpdatedAt, r.DraftMediaId, r.PublishId, r.ArticleId, r.WeiboId, r.OutboxBlob);
}
