namespace Publishing.Identity;

/// <summary>The authenticated caller, whichever host authenticated them.</summary>
public sealed record CurrentUser(string Id, string DisplayName, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}
