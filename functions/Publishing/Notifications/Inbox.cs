using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Publishing.Identity;
using Publishing.Storage;

namespace Publishing.Notifications;

/// <summary>The inbox table behind <c>GET /api/inbox</c>; also an <see cref="INotifier"/>.</summary>
/// <remarks>
/// Partition = recipient ("user:…" / "role:…"). Message rows are keyed by inverted ticks of
/// <see cref="Notification.At"/> so a partition reads newest first; an "id-{sha256(id)}" row written in the same
/// transaction makes a re-sent notification (same id, even with a different time) a no-op.
/// </remarks>
public sealed class Inbox : INotifier
{
    public const int MaxRead = 1000;
    const string IdPrefix = "id-";

    readonly TableClient _table;
    readonly CreateOnce _createTable;

    public Inbox(TableServiceClient tableService, IOptions<InboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tableService);
        _table = tableService.GetTableClient(options.Value.TableName);
        _createTable = new CreateOnce(ct => _table.CreateIfNotExistsAsync(ct));
    }

    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Recipient);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);

        string partition = TableKeys.Escape(notification.Recipient);
        string idHash = TableKeys.Hash(notification.Id);
        string idKey = IdPrefix + idHash;
        if ((await _table.GetEntityIfExistsAsync<TableEntity>(partition, idKey, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue)
        {
            return;
        }

        string messageKey = MessageKey(notification.At, idHash);
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, idKey) { ["MessageRowKey"] = messageKey }),
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, messageKey, notification)),
            ], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // A concurrent send of the same id got there first: delivered once, as intended.
        }
    }

    /// <summary>Newest first: what was sent to the user and to each of their roles.</summary>
    public async Task<IReadOnlyList<Notification>> ReadAsync(CurrentUser user, int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxRead);
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);

        var recipients = user.Roles.Order(StringComparer.Ordinal).Select(Recipients.Role).Prepend(Recipients.User(user.Id));
        var perRecipient = await Task.WhenAll(recipients.Select(r => ReadPartitionAsync(r, max, cancellationToken))).ConfigureAwait(false);
        return perRecipient
            .SelectMany(list => list)
            .DistinctBy(n => n.Id)
            .OrderByDescending(n => n.At)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    async Task<List<Notification>> ReadPartitionAsync(string recipient, int max, CancellationToken cancellationToken)
    {
        // Message keys are all digits up to '-'; 'a' sorts after them and before the "id-" rows.
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(recipient)} and RowKey lt {"a"}");
        var result = new List<Notification>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

    static string MessageKey(DateTimeOffset at, string idHash) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + idHash[..16];

    static TableEntity ToEntity(string partition, string rowKey, Notification n)
    {
        var entity = new TableEntity(partition, rowKey)
        {
            ["Id"] = n.Id,
            ["Recipient"] = n.Recipient,
            ["Kind"] = n.Kind,
            ["Message"] = n.Message,
            // Round-trip text keeps the sender's offset (usually +08:00) exactly.
            ["At"] = n.At.ToString("O", CultureInfo.InvariantCulture),
        };
        if (n.ItemId is not null)
        {
            entity["ItemId"] = n.ItemId;
        }

        return entity;
    }

    static Notification FromEntity(TableEntity e) => new(
        e.GetString("Id") ?? "",
        e.GetString("Recipient") ?? "",
        e.GetString("Kind") ?? "",
        e.GetString("ItemId"),
        e.GetString("Message") ?? "",
        DateTimeOffset.ParseExact(e.GetString("At") ?? "", "O", CultureInfo.InvariantCulture));
}
