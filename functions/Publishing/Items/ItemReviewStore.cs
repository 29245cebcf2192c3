using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Publishing.Lifecycle;
using Publishing.Storage;

namespace Publishing.Items;

/// <summary>
/// Every review decision of every version, one row each (table <c>ItemReviews</c>, partition = item id, row = the
/// decision's command id), so an item's history grows by rows and never inside one column of its <c>Items</c> row.
/// Writing the same decision again is a no-op.
/// </summary>
public sealed class ItemReviewStore(TableServiceClient tables, ItemReadModelOptions options)
{
    readonly TableClient table = tables.GetTableClient(options.ReviewsTableName);
    public async Task AddAsync(string itemId, ReviewRecord review, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        var entity = new TableEntity(itemId, TableKeys.Escape(review.CommandId))
        {
            ["Version"] = review.Version,
            ["Stage"] = review.Stage,
            ["At"] = review.At,
            ["Review"] = JsonSerializer.Serialize(review, StorageJson.Options),
        };
        try
        {
            await client.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded before (a retried or replayed activity).
        }
    }

    /// <summary>All decisions on the item, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewRecord>> ListAsync(string itemId, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(cancellationToken);
        var reviews = new List<ReviewRecord>();
        await foreach (var entity in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {itemId}"),
                           select: ["Review"], cancellationToken: cancellationToken))
        {
            if (entity.GetString("Review") is { } json && JsonSerializer.Deserialize<ReviewRecord>(json, StorageJson.Options) is { } review)
            {
                reviews.Add(review);
            }
        }

        return reviews.OrderBy(r => r.Version).ThenBy(r => r.At).ToList();
    }

    bool created;

    async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref created))
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            Volatile.Write(ref created, true);
        }

        return table;
    }
}
