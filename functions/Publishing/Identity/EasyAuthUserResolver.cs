using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Publishing.Identity;

/// <summary>
/// Reads the App Service Authentication (Easy Auth, Microsoft Entra ID) principal from the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header. The platform strips that header from client requests only when
/// its authentication is enabled, so the header is trusted only then (<c>WEBSITE_AUTH_ENABLED</c>), only from the
/// Entra provider (<c>auth_typ</c> "aad"), and the person is their object id — a name or e-mail can be reused or
/// renamed, an object id cannot. Anything else is anonymous.
/// </summary>
public sealed class EasyAuthUserResolver(IConfiguration configuration) : ICurrentUserResolver
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The Easy Auth provider name of Microsoft Entra ID.</summary>
    public const string EntraAuthType = "aad";

    const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    const string ShortObjectIdClaim = "oid";

    // Entra ID puts app roles in "roles"; some token versions use the WS-Federation role URI.
    static readonly string[] RoleClaims = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];
    static readonly string[] NameClaims = ["name", "preferred_username"];

    /// <summary>Anything larger is not a principal App Service produced.</summary>
    const int MaxHeaderLength = 32 * 1024;

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
        if (base64Principal.Length > MaxHeaderLength)
        {
            return null;
        }

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

        if (principal is not { AuthType: EntraAuthType, Claims: { Count: > 0 } claims })
        {
            return null;
        }

        var objectIds = claims.Where(c => c.Type is ObjectIdClaim or ShortObjectIdClaim).Select(c => c.Value?.Trim()).Distinct().ToList();
        // Exactly one object id: none means not an Entra user token, two different ones mean a forged principal.
        if (objectIds is not [{ Length: > 0 } id])
        {
            return null;
        }

        string name = NameClaims.Select(type => claims.FirstOrDefault(c => c.Type == type)?.Value)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) ?? id;
        var roles = claims
            .Where(c => RoleClaims.Contains(c.Type) && c.Value is not null)
            .Select(c => c.Value!)
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
        [property: JsonPropertyName("typ")] string? Type,
        [property: JsonPropertyName("val")] string? Value);
}
