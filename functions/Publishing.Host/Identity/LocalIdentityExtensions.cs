using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Publishing.Identity;

namespace Publishing.Host.Identity;

public static class LocalIdentityExtensions
{
    public static WebApplicationBuilder AddLocalIdentity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LocalAuthOptions.Section).Get<LocalAuthOptions>() ?? new();
        if (options.SigningKey.Length < 32)
        {
            throw new InvalidOperationException(
                "Publishing:Auth:SigningKey must be set to at least 32 characters (see local.settings.sample.json).");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ICurrentUserResolver, ClaimsPrincipalUserResolver>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = LocalAuthOptions.Issuer,
                    ValidAudience = LocalAuthOptions.Audience,
                    IssuerSigningKey = options.CreateKey(),
                    NameClaimType = ClaimsPrincipalUserResolver.NameClaim,
                    RoleClaimType = ClaimsPrincipalUserResolver.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // Handlers answer 401/403 themselves with a Chinese ProblemDetails; don't let the
                // bearer handler write its own challenge.
                jwt.Events = new JwtBearerEvents { OnChallenge = context => { context.HandleResponse(); return Task.CompletedTask; } };
            });
        return builder;
    }

    /// <summary>
    /// The sample signing key is public, so a host using it must not be reachable from other machines.
    /// </summary>
    public static void EnsureSampleKeyStaysOnLoopback(LocalAuthOptions options, IEnumerable<string> listenUrls)
    {
        if (!options.UsesSampleKey)
        {
            return;
        }

        foreach (string url in listenUrls)
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"Refusing to listen on {url}: the sample signing key from local.settings.sample.json is configured, " +
                    "and anyone could forge tokens with it. Listen on 127.0.0.1 only, or set Publishing__Auth__SigningKey to a secret key.");
            }
        }
    }

    static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
