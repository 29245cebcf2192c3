using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Publishing.Identity;

/// <summary>Reads the caller from <see cref="HttpContext.User"/> as set by an ASP.NET Core authentication handler.</summary>
public sealed class ClaimsPrincipalUserResolver : ICurrentUserResolver
{
    public const string IdClaim = "sub";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    public CurrentUser? Resolve(HttpContext context) => FromPrincipal(context.User);

    public static CurrentUser? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        string? id = principal.FindFirstValue(IdClaim) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        string name = principal.FindFirstValue(NameClaim) ?? principal.FindFirstValue(ClaimTypes.Name) ?? id;
        var roles = principal.FindAll(RoleClaim).Concat(principal.FindAll(ClaimTypes.Role))
            .Select(c => c.Value)
            .Where(Roles.IsKnown)
            .ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(id, name, roles);
    }
}
