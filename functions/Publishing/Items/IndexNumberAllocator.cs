using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Publishing.Storage;

namespace Publishing.Items;

/// <summary>
/// Generates 索引号 <c>{orgCode}/{category code}/{year}-{7-digit sequence}</c>, e.g. 1123045263/swj/2023-0000044.
/// The sequence is unique and gap-free per org and year (optimistic concurrency on a Table counter).
/// </summary>
/// <remarks>
/// Table rows: partition = org code, row "{year}" = the last number handed out, and with
/// <see cref="AllocateOnceAsync"/> one "key-{sha256(key)}" row per allocation key, written in the same transaction
/// as the counter so a replayed activity gets its number back instead of burning a new one.
/// </remarks>
public sealed class IndexNumberAllocator
{
    public const int MaxSequence = 9_999_999;
    const string KeyPrefix = "key-";

    readonly TableClient _table;
    readonly CreateOnce _createTable;
    readonly IndexNumberOptions _options;

    public IndexNumberAllocator(TableServiceClient tableService, IOptions<IndexNumberOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tableService);
        _options = options.Value;
        _table = tableService.GetTableClient(_options.TableName);
        _createTable = new CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
    }

    /// <summary>Hands out the next number. Each call consumes one, so call it from code that runs once.</summary>
    public Task<string> AllocateAsync(string orgCode, string? category, int year, CancellationToken cancellationToken = default) =>
        AllocateCoreAsync(orgCode, category, year, allocationKey: null, cancellationToken);

    /// <summary>
    /// Replay-safe allocation: the first call with <paramref name="allocationKey"/> (e.g. the item id) takes the next
    /// number; later calls with the same key, org and year return that same 索引号.
    /// </summary>
    public Task<string> AllocateOnceAsync(string orgCode, string? category, int year, string allocationKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(allocationKey);
        return AllocateCoreAsync(orgCode, category, year, allocationKey, cancellationToken);
    }

    async Task<string> AllocateCoreAsync(string orgCode, string? category, int year, string? allocationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgCode);
        if (orgCode.Contains('/', StringComparison.Ordinal) || orgCode.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Organisation code '{orgCode}' may not contain '/' or spaces.", nameof(orgCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);

        string partition = TableKeys.Escape(orgCode);
        string counterKey = year.ToString(CultureInfo.InvariantCulture);
        string? keyRow = allocationKey is null ? null : KeyPrefix + TableKeys.Hash(counterKey + "\n" + allocationKey);
        string categoryCode = _options.CategoryCode(category);

        for (int attempt = 0; attempt < ConcurrencyRetry.MaxAttempts; attempt++)
        {
            if (keyRow is not null)
            {
                var earlier = await _table.GetEntityIfExistsAsync<TableEntity>(partition, keyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (earlier.HasValue && earlier.Value!.GetString("IndexNumber") is { } allocated)
                {
                    return allocated;
                }
            }

            var counter = await _table.GetEntityIfExistsAsync<TableEntity>(partition, counterKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            long next = (counter.HasValue ? counter.Value!.GetInt64("Last") ?? 0 : 0) + 1;
            if (next > MaxSequence)
            {
                throw new InvalidOperationException($"索引号 sequence for {orgCode} in {year} is exhausted ({MaxSequence}).");
            }

            string indexNumber = Format(orgCode, categoryCode, year, next);
            var updated = new TableEntity(partition, counterKey) { ["Last"] = next };
            var counterAction = counter.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, updated, counter.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, updated);
            try
            {
                if (keyRow is null)
                {
                    await SubmitAsync(counterAction, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var keyEntity = new TableEntity(partition, keyRow) { ["IndexNumber"] = indexNumber, ["AllocationKey"] = allocationKey };
                    await _table.SubmitTransactionAsync(
                        [counterAction, new TableTransactionAction(TableTransactionActionType.Add, keyEntity)],
                        cancellationToken).ConfigureAwait(false);
                }

                return indexNumber;
            }
            catch (RequestFailedException exception) when (ConcurrencyRetry.IsConflict(exception))
            {
                await ConcurrencyRetry.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException(
            $"Could not allocate an index number for {orgCode} in {year}: the counter stayed contended for {ConcurrencyRetry.MaxAttempts} attempts.");
    }

    Task SubmitAsync(TableTransactionAction action, CancellationToken cancellationToken) =>
        action.ActionType == TableTransactionActionType.Add
            ? _table.AddEntityAsync(action.Entity, cancellationToken)
            : _table.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken);

    public static string Format(string orgCode, string categoryCode, int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{orgCode}/{categoryCode}/{year:D4}-{sequence:D7}");
}
