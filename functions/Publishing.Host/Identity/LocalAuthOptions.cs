using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Publishing.Host.Identity;

/// <summary>Local sign-in: JWTs signed with a key from local configuration, for the configured sample users.</summary>
public sealed class LocalAuthOptions
{
    public const string Section = "Publishing:Auth";
    public const string Issuer = "publishing-local";
    public const string Audience = "publishing-api";

    /// <summary>The key shipped in local.settings.sample.json. Anyone can read it, so it is loopback-only.</summary>
    public const string SampleSigningKey = "local-only-sample-key-change-me-0123456789abcdef";

    public string SigningKey { get; set; } = "";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public SymmetricSecurityKey CreateKey() => new(Encoding.UTF8.GetBytes(SigningKey));

    public bool UsesSampleKey => string.Equals(SigningKey, SampleSigningKey, StringComparison.Ordinal);
}
