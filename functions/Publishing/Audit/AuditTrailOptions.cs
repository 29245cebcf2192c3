namespace Publishing.Audit;

/// <summary>Configuration section <c>Publishing:Audit</c>.</summary>
public sealed class AuditTrailOptions
{
    public const string Section = "Publishing:Audit";

    public string TableName { get; set; } = "AuditTrail";
}
