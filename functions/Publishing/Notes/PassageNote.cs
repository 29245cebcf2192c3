namespace Publishing.Notes;

/// <summary>
/// A reviewer's note on a passage of one version (批注), tagged with one 关. The passage is identified by its quoted
/// text with a little context on each side (a text-quote anchor): it still finds the passage when the HTML around it
/// is re-serialized, and shows plainly what was meant when a later version no longer contains it.
/// </summary>
/// <param name="Aspect">political | legal | confidentiality | textual.</param>
/// <param name="Stage">The review stage that was open when the note was written.</param>
public sealed record PassageNote(
    string Id,
    string ItemId,
    int Version,
    string Aspect,
    string Quote,
    string? Prefix,
    string? Suffix,
    string Text,
    string Author,
    string AuthorName,
    string Stage,
    DateTimeOffset CreatedAt,
    bool Resolved,
    string? ResolvedBy,
    string? ResolvedByName,
    DateTimeOffset? ResolvedAt);

/// <summary>Body of <c>POST /api/items/{id}/notes</c>.</summary>
/// <param name="Version">The version the reviewer is looking at; a note on an older version is refused (409).</param>
public sealed record NoteRequest(int? Version, string? Aspect, string? Quote, string? Prefix, string? Suffix, string? Text);

public static class NoteLimits
{
    public const int MaxQuoteLength = 500;
    public const int MaxContextLength = 64;
    public const int MaxTextLength = 1000;
    /// <summary>Keeps one item's notes a bounded read; reviewers who need more write one note per issue anyway.</summary>
    public const int MaxNotesPerVersion = 200;
}
