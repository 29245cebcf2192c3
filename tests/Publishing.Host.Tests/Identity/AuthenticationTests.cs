using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Publishing.Host.Identity;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Identity;

[Collection(SharedHostCollection.Name)]
public class AuthenticationTests(SharedHost host)
{
    [Theory]
    [InlineData("GET", "api/me")]
    [InlineData("GET", "api/items")]
    [InlineData("POST", "api/items")]
    [InlineData("GET", "api/inbox")]
    [InlineData("GET", "api/items/0123456789abcdef0123456789abcdef/audit")]
    public async Task Request_WithoutToken_Is401ProblemInChinese(string method, string path)
    {
        using var client = host.As(null);

        var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.ReadJsonAsync(response);
        Assert.Contains("身份凭据", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Request_WithTokenSignedByAnotherKey_Is401()
    {
        using var client = host.As(null);
        var forged = new LocalAuthOptions { SigningKey = "an-attacker-key-that-is-long-enough-0123456789" };
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiClient.TokenFor("admin1", forged));

        var response = await client.Http.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithExpiredToken_Is401()
    {
        using var client = host.As(null);
        string expired = ApiClient.TokenFor("editor1", issuedAt: DateTime.UtcNow.AddHours(-9));
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expired);

        var response = await client.Http.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submit_AsReviewer_Is403NamingTheNeededRole()
    {
        using var reviewer = host.As("reviewer1");

        var response = await reviewer.PostJsonAsync("api/items", Submissions.Policy());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ApiClient.ReadJsonAsync(response);
        Assert.Contains("编辑", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Me_WithValidToken_ReturnsTheSignedInUserAndRoles()
    {
        using var client = host.As("reviewer2");

        var me = await client.GetJsonAsync("api/me");

        Assert.Equal("reviewer2", (string?)me["id"]);
        Assert.Equal("刘复审", (string?)me["displayName"]);
        Assert.Equal(["SecondReviewer"], me["roles"]!.AsArray().Select(r => (string)r!).ToArray());
    }
}
