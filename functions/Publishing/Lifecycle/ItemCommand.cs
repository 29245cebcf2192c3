using System.Text.Json;
using System.Text.Json.Serialization;

namespace Publishing.Lifecycle;

/// <summary>What a person asks of an item's running workflow.</summary>
[JsonConverter(typeof(ItemCommandTypeJsonConverter))]
public enum ItemCommandType
{
    /// <summary>Decide the awaited review stage.</summary>
    Review,
    /// <summary>A new version of a returned item.</summary>
    Revise,
    Withdraw,
    /// <summary>Cancel a scheduled publication.</summary>
    CancelSchedule,
    /// <summary>An Admin continues a workflow parked as NeedsAttention: the failed step runs again.</summary>
    Resume,
}

public sealed class ItemCommandTypeJsonConverter() : JsonStringEnumConverter<ItemCommandType>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

/// <summary>A person's command, raised as the external event <see cref="EventName"/>.</summary>
/// <param name="CommandId">Unique per request; lets the HTTP handler see when its command took effect.</param>
public sealed record ItemCommand(
    ItemCommandType Type,
    string CommandId,
    string Actor,
    string ActorName,
    int Version,
    DateTimeOffset At,
    string? Stage = null,
    string? Decision = null,
    ReviewAspects? Aspects = null,
    string? Comment = null)
{
    public const string EventName = "ItemCommand";
}

/// <summary>The orchestration instances a command is raised to.</summary>
public static class ItemInstances
{
    /// <summary>The item's top-level orchestration (review, then publishing): the item id itself.</summary>
    public static string Item(string itemId) => itemId;

    /// <summary>Publishing one approved version (waits for <c>publishAt</c>, fans out).</summary>
    public static string Publish(string itemId, int version) => $"{itemId}-publish-v{version}";

    /// <summary>One person-claimed retry attempt of one channel: the attempt number makes it unique and repeatable.</summary>
    public static string Retry(string itemId, int version, string channel, int attempt) => $"{itemId}-v{version}-{channel}-attempt{attempt}";

    /// <summary>One round of retraction (retract may be run again for channels not confirmed down).</summary>
    public static string Retract(string itemId, int version, int round) => $"{itemId}-retract-v{version}-r{round}";

    public static string WeChat(string itemId, int version, int attempt) => $"{itemId}-wechat-v{version}-attempt{attempt}";
}

public static class Decisions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
}

/// <summary>The four checks (四关) a reviewer signs off.</summary>
public sealed record ReviewAspects(bool Political, bool Legal, bool Confidentiality, bool Textual)
{
    public bool AllPassed => Political && Legal && Confidentiality && Textual;
}

/// <summary>A stage decision as recorded on the item.</summary>
public sealed record ReviewRecord(
    string Stage,
    string Decision,
    ReviewAspects Aspects,
    string? Comment,
    string Reviewer,
    string ReviewerName,
    DateTimeOffset At,
    int Version,
    string CommandId);
