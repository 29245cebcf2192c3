using System.Text.Json;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Desk;

/// <summary>A row of 待我审核: an item awaiting the signed-in reviewer, with its time at the stage.</summary>
public sealed record QueueEntry(
    string Id, string Kind, string Title, int Version, string Stage, string? IndexNumber, string SubmittedByName,
    int BlockFindings, int WarnFindings, DateTimeOffset StageOpenedAt, DateTimeOffset? DueAt,
    int WorkingDaysAtStage, string DueState, int OverdueWorkingDays);

/// <summary>A row of 我的稿件 and of the publication list: the item's status and each channel's publication state.</summary>
public sealed record DeskItemRow(
    string Id, string Kind, string Title, int Version, ItemStatus Status, string? Stage, string? IndexNumber,
    string SubmittedByName, int BlockFindings, int WarnFindings, DateTimeOffset? DueAt, DateTimeOffset UpdatedAt,
    int? ApprovedVersion, IReadOnlyList<string> Channels, IReadOnlyDictionary<string, PublicationView> Publications)
{
    public static DeskItemRow From(ItemRecord r, IReadOnlyDictionary<string, PublicationView> publications) => new(
        r.Id, r.Kind, r.Title, r.Version, r.Status, r.Stage, r.IndexNumber, r.SubmittedByName, r.BlockFindings,
        r.WarnFindings, r.DueAt, r.UpdatedAt, r.ApprovedVersion,
        JsonSerializer.Deserialize<List<string>>(r.ChannelsJson, ItemReadModel.Json) ?? [], publications);
}

/// <summary>A policy document an interpretation can name in <c>interpretsItemId</c>.</summary>
public sealed record PolicyOption(string Id, string Title, string? DocumentNumber, string? IndexNumber, ItemStatus Status, string SubmittedByName);

public sealed record QueueResponse(IReadOnlyList<QueueEntry> Items);

public sealed record DeskItemList(IReadOnlyList<DeskItemRow> Items, bool Truncated);

public sealed record PolicyList(IReadOnlyList<PolicyOption> Policies);
