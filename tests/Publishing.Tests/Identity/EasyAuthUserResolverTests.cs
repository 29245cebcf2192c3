using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Publishing.Identity;

namespace Publishing.Tests.Identity;

public class EasyAuthUserResolverTests
{
    static string Principal(params (string Type, string Value)[] claims)
    {
        string claimJson = string.Join(",", claims.Select(c => $"{{\"typ\":\"{c.Type}\",\"val\":\"{c.Value}\"}}"));
        string json = $"{{\"auth_typ\":\"aad\",\"name_typ\":\"name\",\"role_typ\":\"roles\",\"claims\":[{claimJson}]}}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    static HttpContext Request(string? principalHeader)
    {
        var context = new DefaultHttpContext();
        if (principalHeader is not null)
        {
            context.Request.Headers[EasyAuthUserResolver.PrincipalHeader] = principalHeader;
        }

        return context;
    }

    static EasyAuthUserResolver Resolver(bool platformAuthEnabled) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = platformAuthEnabled ? "True" : null })
        .Build());

    [Fact]
    public void Resolve_EntraPrincipalWithAppRoles_MapsIdNameAndKnownRoles()
    {
        string header = Principal(
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", "0f1e2d3c"),
            ("name", "王编辑"),
            ("roles", "Editor"),
            ("roles", "SomethingElse"));

        var user = Resolver(platformAuthEnabled: true).Resolve(Request(header));

        Assert.NotNull(user);
        Assert.Equal("0f1e2d3c", user.Id);
        Assert.Equal("王编辑", user.DisplayName);
        Assert.Equal(["Editor"], user.Roles);
    }

    [Fact]
    public void Resolve_HeaderWhilePlatformAuthDisabled_IsNotTrusted()
    {
        string header = Principal(("oid", "attacker"), ("roles", "Admin"));

        Assert.Null(Resolver(platformAuthEnabled: false).Resolve(Request(header)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64 at all")]
    [InlineData("e30=")] // "{}": no claims
    public void Resolve_MissingOrMalformedPrincipal_IsAnonymous(string? header)
    {
        Assert.Null(Resolver(platformAuthEnabled: true).Resolve(Request(header)));
    }
}
