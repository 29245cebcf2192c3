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

    static string RawPrincipal(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    const string Oid = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>
    /// Principals an attacker could send if the header ever reached the app, or that another provider would produce.
    /// Each must be anonymous: no name or e-mail ever becomes the user id.
    /// </summary>
    [Theory]
    // Not Entra ID: other Easy Auth providers, a missing or altered auth_typ.
    [InlineData("""{"auth_typ":"github","claims":[{"typ":"oid","val":"0f1e2d3c"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"google","claims":[{"typ":"oid","val":"0f1e2d3c"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"apple","claims":[{"typ":"oid","val":"0f1e2d3c"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"AAD ","claims":[{"typ":"oid","val":"0f1e2d3c"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"claims":[{"typ":"oid","val":"0f1e2d3c"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":null,"claims":[{"typ":"oid","val":"0f1e2d3c"},{"typ":"roles","val":"Admin"}]}""")]
    // Entra ID but no object id: the old fallbacks to a name claim.
    [InlineData("""{"auth_typ":"aad","name_typ":"name","claims":[{"typ":"name","val":"admin1"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn","claims":[{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn","val":"admin@example.gov.cn"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"admin@example.gov.cn"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier","val":"admin1"},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"sub","val":"admin1"},{"typ":"roles","val":"Admin"}]}""")]
    // An empty, blank or doubled object id.
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"oid","val":""},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"   "},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"oid","val":null},{"typ":"roles","val":"Admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"victim-oid"},{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"attacker-oid"}]}""")]
    // Not a principal at all.
    [InlineData("""{"auth_typ":"aad","claims":[]}""")]
    [InlineData("""{"auth_typ":"aad"}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public void Resolve_ForgedOrNonEntraPrincipal_IsAnonymous(string json)
    {
        Assert.Null(Resolver(platformAuthEnabled: true).Resolve(Request(RawPrincipal(json))));
    }

    [Fact]
    public void Resolve_ShortOidClaim_IsTheUserId_AndRoleTypeCannotPromoteOtherClaims()
    {
        // role_typ pointing at "name" must not turn the display name "Admin" into a role.
        string header = RawPrincipal("""{"auth_typ":"aad","name_typ":"name","role_typ":"name","claims":[{"typ":"oid","val":"7a8b9c"},{"typ":"name","val":"Admin"},{"typ":"roles","val":"Auditor"}]}""");

        var user = Resolver(platformAuthEnabled: true).Resolve(Request(header));

        Assert.NotNull(user);
        Assert.Equal("7a8b9c", user.Id);
        Assert.Equal(["Auditor"], user.Roles);
    }

    [Fact]
    public void Resolve_BothOidFormsAgreeing_IsAccepted()
    {
        string header = RawPrincipal($$"""{"auth_typ":"aad","claims":[{"typ":"oid","val":"7a8b9c"},{"typ":"{{Oid}}","val":"7a8b9c"},{"typ":"roles","val":"Editor"}]}""");

        Assert.Equal("7a8b9c", Resolver(platformAuthEnabled: true).Resolve(Request(header))?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("")]
    public void Resolve_GenuineLookingHeader_WithoutPlatformAuth_IsAnonymous(string? setting)
    {
        var resolver = new EasyAuthUserResolver(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = setting }).Build());
        string header = Principal((Oid, "0f1e2d3c"), ("roles", "Admin"));

        Assert.Null(resolver.Resolve(Request(header)));
    }

    [Fact]
    public void Resolve_OversizedHeader_IsAnonymous()
    {
        string header = Principal((Oid, "0f1e2d3c"), ("roles", "Admin"), ("padding", new string('x', 40_000)));

        Assert.Null(Resolver(platformAuthEnabled: true).Resolve(Request(header)));
    }
}
