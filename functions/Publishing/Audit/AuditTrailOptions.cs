namespace Publishing.Audit;

/// <summary>Configuration section <c>Publishing:Audit</c>.</summary>
public sealed class AuditTrailOptions
{
    public const string Section = "Publishing:Audit";

    public string TableName { get; set; } = "AuditTrail";

    /// <summary>
    /// Secret that signs every entry (HMAC-SHA256), at least 32 characters. Held outside the table — a Key Vault
    /// secret in Azure — so whoever can write the table still cannot produce entries that verify.
    /// </summary>
    public string HmacKey { get; set; } = "";

    /// <summary>Earlier keys, kept only to verify entries signed before a rotation.</summary>
    public IList<string> RetiredHmacKeys { get; set; } = [];

    /// <summary>Append-only container for chain-head anchors (WORM-protected in Azure).</summary>
    public string AnchorContainerName { get; set; } = "audit-anchors";

    /// <summary>How often the local host anchors heads that changed (the Functions app runs a 5-minute timer).</summary>
    public TimeSpan AnchorInterval { get; set; } = TimeSpan.FromMinutes(5);
}
