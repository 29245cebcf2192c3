using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Publishing.Lifecycle;
using Publishing.Storage;

namespace Publishing.Items;

/// <summary>Reads and updates the items read model. Updates use optimistic concurrency and are idempotent.</summary>
public sealed class ItemReadModel(TableServiceClient tables, ItemReadModelOptions options)
{
    readonly TableClient table = tables.GetTableClient(options.TableName);
    volatile bool created;

    /// <summary>The storage JSON options (Chinese text unescaped, see <see cref="StorageJson"/>).</summary>
    public static readonly JsonSerializerOptions Json = StorageJson.Options;

    /// <summary>Most reviewer ids kept on a row (far more people than ever review one item).</summary>
    public const int MaxReviewerIds = 200;

    async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }

        return table;
    }

    public async Task<ItemRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(id))
        {
            return null;
        }

        var client = await TableAsync(cancellationToken);
        var response = await client.GetEntityIfExistsAsync<ItemRecord>(ItemRecord.Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <returns>False when an item with this id already exists.</returns>
    public async Task<bool> TryCreateAsync(ItemRecord record, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        try
        {
            await client.AddEntityAsync(record, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Read–modify–write with ETag when <paramref name="change"/> accepts the row as read; null when it refuses.
    /// Two concurrent callers cannot both be accepted on the same row version (compare-and-set).
    /// </summary>
    public async Task<ItemRecord?> TryChangeAsync(string id, Func<ItemRecord, bool> change, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        while (true)
        {
            ItemRecord record = (await client.GetEntityAsync<ItemRecord>(ItemRecord.Partition, id, cancellationToken: cancellationToken)).Value;
            if (!change(record))
            {
                return null;
            }

            try
            {
                await client.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
                return record;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed since read: decide again on the new row.
            }
        }
    }

    /// <summary>The item's channels, as submitted.</summary>
    public static IReadOnlyList<string> Channels(ItemRecord record) =>
        JsonSerializer.Deserialize<List<string>>(record.ChannelsJson, Json) ?? [];

    /// <summary>Read–modify–write with ETag; <paramref name="change"/> must be idempotent.</summary>
    public async Task<ItemRecord> UpdateAsync(string id, Action<ItemRecord> change, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            ItemRecord record = (await client.GetEntityAsync<ItemRecord>(ItemRecord.Partition, id, cancellationToken: cancellationToken)).Value;
            change(record);
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

    public async Task<(IReadOnlyList<ItemRecord> Items, string? ContinuationToken)> QueryAsync(
        string? filter, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        string partitionFilter = TableClient.CreateQueryFilter($"PartitionKey eq {ItemRecord.Partition}");
        string fullFilter = string.IsNullOrEmpty(filter) ? partitionFilter : $"{partitionFilter} and ({filter})";
        await foreach (var page in client.QueryAsync<ItemRecord>(fullFilter, pageSize, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; null on timeout. Lets a request answer with the workflow's result.</summary>
    public async Task<ItemRecord?> WaitForAsync(
        string id, Func<ItemRecord, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (await GetAsync(id, timeoutSource.Token) is { } record && condition(record))
                {
                    return record;
                }

                await Task.Delay(200, timeoutSource.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The decisions on the item's current version (for the whole history use <see cref="ItemReviewStore"/>).</summary>
    public static IReadOnlyList<ReviewRecord> Reviews(ItemRecord record) =>
        StoredReviews(record).Where(r => r.Version == record.Version).ToList();

    /// <summary>Everything in the row's review column, including what a row written before review rows still holds.</summary>
    public static IReadOnlyList<ReviewRecord> StoredReviews(ItemRecord record) =>
        string.IsNullOrEmpty(record.ReviewsJson) ? [] : JsonSerializer.Deserialize<List<ReviewRecord>>(record.ReviewsJson, Json) ?? [];

    /// <summary>Everyone who decided a stage of any version of the item.</summary>
    public static IReadOnlyList<string> Reviewers(ItemRecord record) =>
        (string.IsNullOrEmpty(record.ReviewerIdsJson) ? [] : JsonSerializer.Deserialize<List<string>>(record.ReviewerIdsJson, Json) ?? [])
            .Concat(StoredReviews(record).Select(r => r.Reviewer)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Keeps the decision in the current version's column (earlier versions' decisions leave it) and its reviewer.</summary>
    public static void AddReview(ItemRecord record, ReviewRecord review)
    {
        var reviews = StoredReviews(record).Where(r => r.Version == review.Version).ToList();
        if (reviews.All(r => r.CommandId != review.CommandId))
        {
            reviews.Add(review);
        }

        record.ReviewsJson = JsonSerializer.Serialize(reviews, Json);
        var reviewers = Reviewers(record).ToList();
        if (!reviewers.Contains(review.Reviewer) && reviewers.Count < MaxReviewerIds)
        {
            reviewers.Add(review.Reviewer);
        }

        record.ReviewerIdsJson = JsonSerializer.Serialize(reviewers, Json);
    }

    /// <summary>Drops decisions of earlier versions from the column once they are stored as review rows.</summary>
    public static void KeepCurrentVersionReviews(ItemRecord record)
    {
        var all = StoredReviews(record);
        if (all.Any(r => r.Version != record.Version))
        {
            var reviewers = Reviewers(record);
            record.ReviewsJson = JsonSerializer.Serialize(all.Where(r => r.Version == record.Version).ToList(), Json);
            record.ReviewerIdsJson = JsonSerializer.Serialize(reviewers.Take(MaxReviewerIds).ToList(), Json);
        }
    }

    /// <summary>Item ids are 32 lower-case hex characters; anything else cannot name an item.</summary>
    public static bool IsValidId(string id) =>
        id.Length == 32 && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}

public sealed class ItemReadModelOptions
{
    public string TableName { get; set; } = "Items";

    /// <summary>One row per review decision (<see cref="ItemReviewStore"/>).</summary>
    public string ReviewsTableName { get; set; } = "ItemReviews";
}
