using Azure;
using Azure.Data.Tables;
using Publishing.Lifecycle;

namespace Publishing.Items;

/// <summary>The items read model row (table <c>Items</c>). The review orchestration is the source of truth.</summary>
public sealed class ItemRecord : ITableEntity
{
    public const string Partition = "item";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public int Version { get; set; }
    /// <summary>Stored by name (Azure Tables' enum support), the same text as the API value.</summary>
    public ItemStatus Status { get; set; } = ItemStatus.Submitted;
    /// <summary>Rounds of retraction started; each runs under its own instance id.</summary>
    public int RetractRounds { get; set; }
    public string? Stage { get; set; }
    public string? IndexNumber { get; set; }
    public string MetadataJson { get; set; } = "{}";
    public string ChannelsJson { get; set; } = "[]";
    public string SubmittedBy { get; set; } = "";
    public string SubmittedByName { get; set; } = "";
    /// <summary>
    /// The current version's decisions (at most one per stage, so bounded); every decision of every version is a row of
    /// <see cref="ItemReviewStore"/>. Rows written before that may still hold earlier versions here: they are read
    /// (merged by command id) and moved to the review rows on the item's next recorded step.
    /// </summary>
    public string ReviewsJson { get; set; } = "[]";
    /// <summary>Everyone who decided a stage of any version (distinct ids, JSON array), for need-to-know reads.</summary>
    public string ReviewerIdsJson { get; set; } = "[]";
    /// <summary>The last workflow step applied (<see cref="ItemEvent.Step"/>): an older step never changes the status again.</summary>
    public long Step { get; set; }
    /// <summary>Why the workflow is parked (status NeedsAttention), in Chinese; null otherwise.</summary>
    public string? AttentionReason { get; set; }
    /// <summary>The status, stage, due time and stage start the item had when it was parked, restored on resume.</summary>
    public ItemStatus? ParkedFromStatus { get; set; }
    public string? ParkedFromStage { get; set; }
    public DateTimeOffset? ParkedFromDueAt { get; set; }
    public DateTimeOffset? ParkedFromStageOpenedAt { get; set; }
    /// <summary>SHA-256 of the submission's content: a reused Idempotency-Key must carry the same.</summary>
    public string? SubmissionHash { get; set; }
    public int FindingsVersion { get; set; }
    public int BlockFindings { get; set; }
    public int WarnFindings { get; set; }
    public int InfoFindings { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>When the awaited stage opened (days at stage in the desk's queue); null for rows written before it existed.</summary>
    public DateTimeOffset? StageOpenedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishAt { get; set; }
    public string? InterpretsItemId { get; set; }
    /// <summary>False when the submitter said a policy needs no interpretation (政策解读); null = the default (needed).</summary>
    public bool? RequiresInterpretation { get; set; }
    public int? ApprovedVersion { get; set; }
    public string? ContentHash { get; set; }

    /// <summary>When the 公示期 (<c>metadata.expiresAt</c>) ended and the article left the website.</summary>
    public DateTimeOffset? ExpiredAt { get; set; }
    public string? IdempotencyKey { get; set; }

    public string Id => RowKey;
}
