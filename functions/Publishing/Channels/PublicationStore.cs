using Azure;
using Azure.Data.Tables;

namespace Publishing.Channels;

/// <summary>Reads and updates publication records; also indexes WeChat publish ids for the callback.</summary>
public sealed class PublicationStore(TableServiceClient tables, TimeProvider time)
{
    const string WeChatIndexPartition = "wechat-publish-id";
    readonly TableClient table = tables.GetTableClient("Publications");
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

    public async Task<PublicationRecord> GetOrCreateAsync(string itemId, int version, string channel, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        string key = PublicationRecord.KeyFor(version, channel);
        var existing = await client.GetEntityIfExistsAsync<PublicationRecord>(itemId, key, cancellationToken: cancellationToken);
        if (existing.HasValue)
        {
            return existing.Value!;
        }

        var record = new PublicationRecord { PartitionKey = itemId, RowKey = key, Channel = channel, Version = version, UpdatedAt = time.GetUtcNow() };
        try
        {
            await client.AddEntityAsync(record, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        return (await client.GetEntityAsync<PublicationRecord>(itemId, key, cancellationToken: cancellationToken)).Value;
    }

    /// <summary>Read–modify–write with ETag so concurrent steps (callback, poll, retry) never lose an update.</summary>
    public async Task<PublicationRecord> UpdateAsync(
        string itemId, int version, string channel, Action<PublicationRecord> change, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        await GetOrCreateAsync(itemId, version, channel, cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            var record = (await client.GetEntityAsync<PublicationRecord>(itemId, PublicationRecord.KeyFor(version, channel), cancellationToken: cancellationToken)).Value;
            change(record);
            record.UpdatedAt = time.GetUtcNow();
            try
            {
                await client.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
                return record;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                await Task.Delay(Random.Shared.Next(10, 50 * attempt), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<PublicationRecord>> ListAsync(string itemId, int version, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        string prefix = $"v{version}-";
        var records = new List<PublicationRecord>();
        await foreach (var record in client.QueryAsync<PublicationRecord>(r => r.PartitionKey == itemId, cancellationToken: cancellationToken))
        {
            if (record.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                records.Add(record);
            }
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
}
