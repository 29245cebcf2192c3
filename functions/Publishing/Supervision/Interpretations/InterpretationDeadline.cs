namespace Publishing.Supervision.Interpretations;

/// <summary>A published policy and its interpretation deadline (政策解读三同步).</summary>
/// <param name="State">pending | overdue | done.</param>
/// <param name="DueDate">China date by which the interpretation must be published (end of that day).</param>
public sealed record InterpretationDeadline(
    string PolicyId,
    string Title,
    string SubmittedBy,
    DateTimeOffset PublishedAt,
    DateOnly DueDate,
    string State,
    string? InterpretationId,
    DateTimeOffset? InterpretedAt,
    bool? OnTime);

public static class InterpretationStates
{
    public const string Pending = "pending";
    public const string Overdue = "overdue";
    public const string Done = "done";
}

/// <summary>A published item as the deadline evaluation needs it.</summary>
/// <param name="InterpretsItemId">For an interpretation: the policy it explains.</param>
public sealed record PublishedItem(string ItemId, string Kind, string Title, string SubmittedBy, DateTimeOffset PublishedAt,
    string? InterpretsItemId = null, bool? RequiresInterpretation = null);
