using Publishing.Items;

namespace Publishing.Checks;

/// <summary>What the pre-checks look at: a draft or a submitted version, before sanitizing.</summary>
public sealed record CheckDraft(string Kind, string Title, string BodyHtml, ItemMetadata Metadata, string? InterpretsItemId);

/// <summary>The findings and exactly the HTML a submission would store.</summary>
public sealed record CheckReport(IReadOnlyList<Finding> Findings, string SanitizedHtml);

/// <summary>Sanitize → extract visible text → run every rule family. Singleton; thread-safe.</summary>
public sealed class CheckPipeline
{
    // CONTRACT STUB — replaced by the checks work (issue 4). Signature is what the workflow calls.
    public CheckReport Run(CheckDraft draft) => throw new NotImplementedException();
}
