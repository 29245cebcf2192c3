using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Publishing.Telemetry;

namespace Publishing.Lifecycle;

/// <summary>What a transition attempt found: whether it was applied, and the record as it is now.</summary>
public sealed record TransitionResult(bool Applied, PublicationRecord Current);

/// <summary>
/// Reads and changes publication records. A state change is only written through <see cref="TransitionAsync"/>: it
/// is checked against <see cref="ChannelTransitions"/> on the record just read and written with that record's ETag,
/// so of two concurrent changes exactly one applies and the other is re-evaluated on the new state.
/// Also indexes WeChat publish ids for the PUBLISHJOBFINISH callback.
/// </summary>
public sealed partial class PublicationStore(TableServiceClient tables, TimeProvider time, ILogger<PublicationStore> logger)
{
    public const string TableName = "Publications";
    const string WeChatIndexPartition = "wechat-publish-id";
    readonly TableClient table = tables.GetTableClient(TableName);
    volatile bool created;

    async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }

        return table;
    }

    public async Task<PublicationRecord?> GetAsync(string itemId, int version, string channel, CancellationToken cancellationToken = default) =>
        (await ReadAsync(itemId, version, channel, cancellationToken))?.Record;

    /// <summary>The record, created as <c>pending</c>, attempt 1, when it does not exist yet.</summary>
    public async Task<PublicationRecord> GetOrCreateAsync(string itemId, int version, string channel, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(itemId, version, channel, cancellationToken) is { } existing)
        {
            return existing.Record;
        }

        var client = await TableAsync(cancellationToken);
        var record = new PublicationRecord(itemId, version, channel, ChannelState.Pending, 1, time.GetUtcNow());
        try
        {
            await client.AddEntityAsync(ToEntity(record), cancellationToken);
            return record;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await ReadAsync(itemId, version, channel, cancellationToken))!.Value.Record;
        }
    }

    /// <summary>
    /// Moves the record to <paramref name="to"/> when the table allows it from the state just read (and
    /// <paramref name="when"/> holds), applying <paramref name="change"/> to the other fields in the same write.
    /// </summary>
    public async Task<TransitionResult> TransitionAsync(
        string itemId, int version, string channel, ChannelState to, TransitionCause cause,
        Func<PublicationRecord, PublicationRecord>? change = null, Func<PublicationRecord, bool>? when = null,
        CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        await GetOrCreateAsync(itemId, version, channel, cancellationToken);
        while (true)
        {
            var (current, etag) = (await ReadAsync(itemId, version, channel, cancellationToken))!.Value;
            if (!ChannelTransitions.IsAllowed(current.State, to, cause) || (when is not null && !when(current)))
            {
                LogRefused(logger, itemId, version, channel, current.State.ToApi(), to.ToApi(), cause.ToString());
                return new TransitionResult(false, current);
            }

            var next = (change?.Invoke(current) ?? current) with { State = to, UpdatedAt = time.GetUtcNow() };
            try
            {
                await client.UpdateEntityAsync(ToEntity(next), etag, TableUpdateMode.Replace, cancellationToken);
                LogApplied(logger, itemId, version, channel, current.State.ToApi(), to.ToApi(), cause.ToString());
                PublishingTelemetry.ChannelReached(channel, to);
                return new TransitionResult(true, next);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Someone changed the record since it was read: decide again on what it is now.
            }
        }
    }

    /// <summary>Changes fields other than the state (remote ids, outbox blob, reason); refuses to change the state.</summary>
    public async Task<PublicationRecord> UpdateAsync(
        string itemId, int version, string channel, Func<PublicationRecord, PublicationRecord> change, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        await GetOrCreateAsync(itemId, version, channel, cancellationToken);
        while (true)
        {
            var (current, etag) = (await ReadAsync(itemId, version, channel, cancellationToken))!.Value;
            var next = change(current) with { UpdatedAt = time.GetUtcNow() };
            if (next.State != current.State || next.Attempts != current.Attempts)
            {
                throw new InvalidOperationException("A state change must go through PublicationStore.TransitionAsync.");
            }

            try
            {
                await client.UpdateEntityAsync(ToEntity(next), etag, TableUpdateMode.Replace, cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
            }
        }
    }

    public async Task<IReadOnlyList<PublicationRecord>> ListAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        string prefix = $"v{version}-";
        var records = new List<PublicationRecord>();
        await foreach (var entity in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {itemId}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                records.Add(FromEntity(entity));
            }
        }

        return records;
    }

    /// <summary>Every publication record (the WeChat publish-id index rows are skipped).</summary>
    public async Task<IReadOnlyList<PublicationRecord>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        var records = new List<PublicationRecord>();
        await foreach (var entity in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ne {WeChatIndexPartition}"), cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(entity));
        }

        return records;
    }

    /// <summary>Remembers which orchestration waits for this publish job, for the PUBLISHJOBFINISH callback.</summary>
    public async Task IndexWeChatPublishIdAsync(string publishId, string itemId, int version, string instanceId, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        await client.UpsertEntityAsync(
            new TableEntity(WeChatIndexPartition, publishId) { ["ItemId"] = itemId, ["Version"] = version, ["InstanceId"] = instanceId },
            TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<(string ItemId, int Version, string InstanceId)?> FindByWeChatPublishIdAsync(string publishId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(publishId) || publishId.Length > 128 || publishId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            return null;
        }

        var client = await TableAsync(cancellationToken);
        var entity = await client.GetEntityIfExistsAsync<TableEntity>(WeChatIndexPartition, publishId, cancellationToken: cancellationToken);
        return entity.HasValue
            ? (entity.Value!.GetString("ItemId"), entity.Value.GetInt32("Version") ?? 0, entity.Value.GetString("InstanceId"))
            : null;
    }

    async Task<(PublicationRecord Record, ETag ETag)?> ReadAsync(string itemId, int version, string channel, CancellationToken cancellationToken)
    {
        var client = await TableAsync(cancellationToken);
        var entity = await client.GetEntityIfExistsAsync<TableEntity>(itemId, PublicationRecord.KeyFor(version, channel), cancellationToken: cancellationToken);
        return entity.HasValue ? (FromEntity(entity.Value!), entity.Value!.ETag) : null;
    }

    // Column names and texts are those of the earlier typed entity, so stored rows read back unchanged.
    static TableEntity ToEntity(PublicationRecord r) => new(r.ItemId, PublicationRecord.KeyFor(r.Version, r.Channel))
    {
        ["Channel"] = r.Channel,
        ["Version"] = r.Version,
        ["State"] = r.State.ToApi(),
        ["Attempts"] = r.Attempts,
        ["UpdatedAt"] = r.UpdatedAt,
        ["Url"] = r.Url,
        ["DraftMediaId"] = r.DraftMediaId,
        ["ThumbMediaId"] = r.ThumbMediaId,
        ["PublishId"] = r.PublishId,
        ["ArticleId"] = r.ArticleId,
        ["WeiboId"] = r.WeiboId,
        ["OutboxBlob"] = r.OutboxBlob,
        ["LastError"] = r.LastError,
        ["RetractRound"] = r.RetractRound,
        ["RetractedFrom"] = r.RetractedFrom?.ToApi(),
    };

    static PublicationRecord FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetInt32("Version") ?? 0,
        e.GetString("Channel") ?? "",
        ChannelStates.Parse(e.GetString("State")),
        e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("UpdatedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        e.GetString("Url"),
        e.GetString("DraftMediaId"),
        e.GetString("ThumbMediaId"),
        e.GetString("PublishId"),
        e.GetString("ArticleId"),
        e.GetString("WeiboId"),
        e.GetString("OutboxBlob"),
        e.GetString("LastError"),
        e.GetInt32("RetractRound") ?? 0,
        e.GetString("RetractedFrom") is { } from ? ChannelStates.Parse(from) : null);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Publication {ItemId} v{Version} {Channel}: {From} → {To} ({Cause})")]
    static partial void LogApplied(ILogger logger, string itemId, int version, string channel, string from, string to, string cause);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Publication {ItemId} v{Version} {Channel}: refused {From} → {To} ({Cause}), not in the transition table or precondition failed")]
    static partial void LogRefused(ILogger logger, string itemId, int version, string channel, string from, string to, string cause);
}
