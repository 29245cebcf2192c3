using Azure;
using Azure.Data.Tables;

namespace Publishing.Notes;

/// <summary>
/// One note per row of table <c>PassageNotes</c>: partition = item id, row = <c>v{version:D4}-{noteId}</c>. Every text
/// column is capped by <see cref="NoteLimits"/> far below the 64 KiB Table property limit.
/// </summary>
public sealed class NoteEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string NoteId { get; set; } = "";
    public int Version { get; set; }
    public string Aspect { get; set; } = "";
    public string Quote { get; set; } = "";
    public string? Prefix { get; set; }
    public string? Suffix { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Stage { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool Resolved { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolvedByName { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public static string RowKeyFor(int version, string noteId) => $"v{version:D4}-{noteId}";

    public static NoteEntity From(PassageNote note) => new()
    {
        PartitionKey = note.ItemId,
        RowKey = RowKeyFor(note.Version, note.Id),
        NoteId = note.Id,
        Version = note.Version,
        Aspect = note.Aspect,
        Quote = note.Quote,
        Prefix = note.Prefix,
        Suffix = note.Suffix,
        Text = note.Text,
        Author = note.Author,
        AuthorName = note.AuthorName,
        Stage = note.Stage,
        CreatedAt = note.CreatedAt,
        Resolved = note.Resolved,
        ResolvedBy = note.ResolvedBy,
        ResolvedByName = note.ResolvedByName,
        ResolvedAt = note.ResolvedAt,
    };

    public PassageNote ToNote() => new(
        NoteId, PartitionKey, Version, Aspect, Quote, Prefix, Suffix, Text, Author, AuthorName, Stage, CreatedAt,
        Resolved, ResolvedBy, ResolvedByName, ResolvedAt);
}
