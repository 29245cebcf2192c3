using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Publishing.Identity;

/// <summary>
/// Reads the App Service Authentication (Easy Auth, Microsoft Entra ID) principal from the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header. The platform strips that header from client requests only when
/// its authentication is enabled, so the header is trusted only then (<c>WEBSITE_AUTH_ENABLED</c>).
/// </summary>
public sealed class EasyAuthUserResolver(IConfiguration configuration) : ICurrentUserResolver
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    // Entra ID puts app roles in "roles"; the object id is the stable user id.
    const string EntraRolesClaim = "roles";
    const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public bool PlatformAuthEnabled =>
        string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);

    public CurrentUser? Resolve(HttpContext context)
    {
        if (!PlatformAuthEnabled)
        {
            return null;
        }

        string? header = context.Request.Headers[PrincipalHeader];
        return string.IsNullOrEmpty(header) ? null : Parse(header);
    }

    public static CurrentUser? Parse(string base64Principal)
    {
        ClientPrincipal? principal;
        try
        {
            byte[] json = Convert.FromBase64String(base64Principal);
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(json));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        if (principal?.Claims is not { Count: > 0 } claims)
        {
            return null;
        }

        string? Find(string? type) => type is null ? null : claims.FirstOrDefault(c => c.Type == type)?.Value;

        string? id = Find(ObjectIdClaim) ?? Find("oid") ?? Find(principal.NameType);
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        string name = Find("name") ?? Find(principal.NameType) ?? id;
        var roles = claims
            .Where(c => c.Type == EntraRolesClaim || c.Type == principal.RoleType)
            .Select(c => c.Value)
            .Where(Roles.IsKnown)
            .ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(id, name, roles);
    }

    sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] List<PrincipalClaim>? Claims);

    sealed record PrincipalClaim(
        [property: JsonPropertyName("typ")] string Type,
        [property: JsonPropertyName("val")] string Value);
}
