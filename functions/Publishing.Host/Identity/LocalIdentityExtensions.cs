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
    /// <exception cref="UnsafeBindingException">Some address is not loopback.</exception>
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
                throw new UnsafeBindingException(
                    $"Refusing to listen on {url}: the sample signing key from local.settings.sample.json is configured, " +
                    "and anyone could forge tokens with it. Listen on 127.0.0.1 only (Publishing__ListenUrl, and no ASPNETCORE_URLS or " +
                    "Kestrel__Endpoints__* on other addresses), or set Publishing__Auth__SigningKey to a secret key.");
            }
        }
    }

    /// <summary>Loopback whatever the notation: 127.x, [::1], [::ffff:127.x], localhost. Wildcards and host names are not.</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
            && (IPAddress.IsLoopback(ip) || (ip.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(ip.MapToIPv4())));
    }
}

/// <summary>The host would be reachable from other machines while anyone can forge its tokens.</summary>
public sealed class UnsafeBindingException(string message) : Exception(message);
