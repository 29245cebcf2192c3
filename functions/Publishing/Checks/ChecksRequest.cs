using Publishing.Items;

namespace Publishing.Checks;

/// <summary>Body of <c>POST /api/checks</c>.</summary>
public sealed record ChecksRequest(string? Title, string? BodyHtml, ItemMetadata? Metadata, string? Kind, string? InterpretsItemId);
