using Azure;
using Azure.Data.Tables;
using Publishing.Storage;

namespace Publishing.Notes;

/// <summary>Passage notes in table <c>PassageNotes</c>: created once, later only marked resolved (conditional write).</summary>
public sealed class NoteStore
{
    public const string TableName = "PassageNotes";

    readonly TableClient table;
    readonly CreateOnce createTable;

    public NoteStore(TableServiceClient tables)
    {
        table = tables.GetTableClient(TableName);
        createTable = new CreateOnce(ct => table.CreateIfNotExistsAsync(ct));
    }

    public async Task AddAsync(PassageNote note, CancellationToken cancellationToken = default)
    {
        await createTable.EnsureAsync(cancellationToken);
        await table.AddEntityAsync(NoteEntity.From(note), cancellationToken);
    }

    /// <summary>Every note of the item, oldest version first, in the order they were written.</summary>
    public async Task<IReadOnlyList<PassageNote>> ListAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await createTable.EnsureAsync(cancellationToken);
        var notes = new List<PassageNote>();
        await foreach (var entity in table.QueryAsync<NoteEntity>(e => e.PartitionKey == itemId, cancellationToken: cancellationToken))
        {
            notes.Add(entity.ToNote());
        }

        return notes.OrderBy(n => n.Version).ThenBy(n => n.CreatedAt).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<PassageNote?> GetAsync(string itemId, string noteId, CancellationToken cancellationToken = default)
    {
        await createTable.EnsureAsync(cancellationToken);
        await foreach (var entity in table.QueryAsync<NoteEntity>(e => e.PartitionKey == itemId && e.NoteId == noteId, cancellationToken: cancellationToken))
        {
            return entity.ToNote();
        }

        return null;
    }

    /// <returns>The note as stored after the change; null when it does not exist.</returns>
    public async Task<PassageNote?> ResolveAsync(
        string itemId, PassageNote note, string by, string byName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await createTable.EnsureAsync(cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<NoteEntity>(itemId, NoteEntity.RowKeyFor(note.Version, note.Id), cancellationToken: cancellationToken);
            if (!current.HasValue)
            {
                return null;
            }

            var entity = current.Value!;
            if (entity.Resolved)
            {
                return entity.ToNote();
            }

            entity.Resolved = true;
            entity.ResolvedBy = by;
            entity.ResolvedByName = byName;
            entity.ResolvedAt = at;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return entity.ToNote();
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // Someone else changed it first: read again; resolving twice is a no-op.
            }
        }
    }
}
