namespace Publishing.Identity;

/// <summary>Section <c>Publishing:RateLimits</c>: per-user limits, the same in both hosts.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Publishing:RateLimits";

    /// <summary><c>POST /api/checks</c>: CPU-heavy, so limited on its own.</summary>
    public RateLimit Checks { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every other request that changes something (POST, PUT, PATCH, DELETE).</summary>
    public RateLimit Mutations { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
}

/// <summary><see cref="PermitLimit"/> requests per <see cref="Window"/>, refilled evenly; a burst may use them all at once. 0 = no limit.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
