using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Publishing.Storage;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Remembers which signed callbacks were already accepted, across every instance of the app: a Table row per
/// (timestamp, nonce), inserted with Add so the second arrival of the same pair fails with 409 wherever it lands.
/// </summary>
/// <remarks>
/// A pair only needs remembering while its timestamp is fresh (<see cref="WeChatSignature.MaxClockDifference"/>):
/// later the timestamp check refuses it anyway. Rows are partitioned by 10-minute bucket of the timestamp, and
/// buckets older than the window are deleted in the background now and then (Table storage has no TTL).
/// </remarks>
public sealed class WeChatNonceCache
{
    static readonly long BucketSeconds = 600;
    static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);

    readonly TableClient _table;
    readonly CreateOnce _createTable;
    readonly TimeProvider _time;
    long _nextSweepTicks;

    public WeChatNonceCache(TableServiceClient tables, IOptions<WeChatOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(options.Value.CallbackNonceTable);
        _createTable = new CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
        _time = time;
    }

    /// <summary>True the first time a fresh (timestamp, nonce) pair is claimed; false for a replay.</summary>
    public async Task<bool> TryClaimAsync(string timestamp, string nonce, CancellationToken cancellationToken = default)
    {
        long seconds = long.Parse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var entity = new TableEntity(Bucket(seconds), TableKeys.Hash(timestamp + "\n" + nonce))
        {
            ["ExpiresAt"] = DateTimeOffset.FromUnixTimeSeconds(seconds) + WeChatSignature.MaxClockDifference,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        SweepNowAndThen(now);
        return true;
    }

    /// <summary>Deletes buckets whose every timestamp is past the window; best effort, never blocks a callback.</summary>
    public async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        long oldestLive = (now - WeChatSignature.MaxClockDifference).ToUnixTimeSeconds();
        string filter = TableClient.CreateQueryFilter($"PartitionKey lt {Bucket(oldestLive)}");
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: 100, select: ["PartitionKey", "RowKey"],
                           cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            // One by one: another instance may be sweeping the same rows, and a missing row must not fail the rest.
            foreach (var entity in page.Values)
            {
                await _table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    void SweepNowAndThen(DateTimeOffset now)
    {
        long due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await SweepAsync(now).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Best effort: a failed sweep (storage hiccup, shutdown) only leaves rows the next sweep deletes.
            }
        });
    }

    static string Bucket(long unixSeconds) =>
        (Math.Max(0, unixSeconds) / BucketSeconds).ToString("D12", CultureInfo.InvariantCulture);
}
