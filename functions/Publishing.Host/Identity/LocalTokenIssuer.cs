using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Publishing.Identity;

namespace Publishing.Host.Identity;

public static class LocalTokenIssuer
{
    public static string Issue(LocalUser user, LocalAuthOptions options, DateTime? nowUtc = null)
    {
        DateTime now = nowUtc ?? DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new(ClaimsPrincipalUserResolver.IdClaim, user.Id),
            new(ClaimsPrincipalUserResolver.NameClaim, user.Name),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimsPrincipalUserResolver.RoleClaim, r)));

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = LocalAuthOptions.Issuer,
            Audience = LocalAuthOptions.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.TokenLifetime,
            SigningCredentials = new SigningCredentials(options.CreateKey(), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
