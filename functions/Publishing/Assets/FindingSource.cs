namespace Publishing.Assets;

/// <summary>
/// Where in an attachment a finding is, so a reviewer can find it: the page of a PDF, the sheet and cell of an
/// XLSX, the paragraph (1-based, tables included, in document order) of a DOCX.
/// </summary>
public sealed record FindingSource(
    string AssetId, string FileName, int? Page = null, string? Sheet = null, string? Cell = null, int? Paragraph = null, string? Part = null);
