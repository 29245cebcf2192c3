using System.Text.Json;
using System.Text.RegularExpressions;
using Publishing.Functions.Tests.Support;
using Publishing.Identity;

namespace Publishing.Functions.Tests.Http;

/// <summary>
/// Every hand-written HTTP trigger answers exactly what the local host answers for the same request: status, media
/// type and problem details (title, Chinese detail, field errors), for people without a sign-in and for bad query
/// values, which the library parses once for both hosts.
/// </summary>
public sealed partial class HttpWrapperParityTests(TwoHosts hosts) : IClassFixture<TwoHosts>
{
    static readonly string Admin = TwoHosts.User("admin1", Roles.Admin);
    static readonly string Reviewer = TwoHosts.User("reviewer1", Roles.InitialReviewer);
    static readonly string Editor = TwoHosts.User("editor1", Roles.Editor);

    [GeneratedRegex(@"\{(?<name>\*?[a-zA-Z]+)(:[a-z]+)?\}")]
    private static partial Regex RouteParameter();

    public static TheoryData<string, string> EveryTrigger()
    {
        var data = new TheoryData<string, string>();
        foreach (var (_, method, route) in TwoHosts.Triggers)
        {
            data.Add(method, "/" + route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTrigger))]
    public async Task EveryTrigger_WithoutASignIn_AnswersAsTheLocalHost(string method, string route)
    {
        string path = RouteParameter().Replace(route, m => m.Groups["name"].Value switch
        {
            "id" => "nosuchitem",
            "n" => "1",
            "channel" => "weibo",
            "noteId" => "nosuchnote",
            "findingId" => "nosuchfinding",
            "*path" => "queue",
            var other => throw new InvalidOperationException($"no sample value for route parameter {other}"),
        });
        string? body = method is "POST" or "PUT" ? "{}" : null;

        var local = await hosts.LocalAsync(method, path, user: null, body);
        var functions = await hosts.FunctionsAsync(method, path, user: null, body);

        AssertSame(local, functions);
        // Only the desk's files and WeChat's own signature check answer without a person's sign-in.
        if (!path.StartsWith("/desk/", StringComparison.Ordinal))
        {
            Assert.Equal(401, functions.Status);
        }
    }

    [Theory]
    [InlineData("/api/items?pageSize=abc")]
    [InlineData("/api/items?pageSize=0")]
    [InlineData("/api/items?pageSize=201")]
    [InlineData("/api/items?assignedToMe=yes")]
    [InlineData("/api/items?assignedToMe=true&pageSize=abc")]
    [InlineData("/api/items?status=Bogus")]
    [InlineData("/api/items?stage=fourth")]
    [InlineData("/api/items/nosuchitem/diff?from=one")]
    [InlineData("/api/items/nosuchitem/diff?to=2.5")]
    [InlineData("/api/desk/publications?attention=maybe")]
    [InlineData("/api/reports/annual?year=abc")]
    [InlineData("/api/reports/annual?year=2024&format=pdf")]
    public async Task BadQueryValue_IsTheSameChinese400_InBothHosts(string pathAndQuery)
    {
        var local = await hosts.LocalAsync("GET", pathAndQuery, Admin);
        var functions = await hosts.FunctionsAsync("GET", pathAndQuery, Admin);

        AssertSame(local, functions);
        Assert.Equal(400, functions.Status);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", functions.Json.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task BadPageSize_NamesTheFieldAndTheAllowedRange()
    {
        var functions = await hosts.FunctionsAsync("GET", "/api/items?pageSize=abc", Admin);

        string error = functions.Json.GetProperty("errors").GetProperty("pageSize")[0].GetString()!;
        Assert.Contains("1 至 200", error);
        Assert.Contains("abc", error);
    }

    [Theory]
    [InlineData("/api/items?assignedToMe=true&pageSize=5", "reviewer")]
    [InlineData("/api/items?assignedToMe=TRUE", "reviewer")]
    [InlineData("/api/items?assignedToMe=", "reviewer")]
    [InlineData("/api/items?continuationToken=not-a-token", "reviewer")]
    [InlineData("/api/items/nosuchitem", "reviewer")]
    [InlineData("/api/items/nosuchitem/versions/1", "reviewer")]
    [InlineData("/api/items/nosuchitem/diff?from=1&to=2", "reviewer")]
    [InlineData("/api/desk/publications?attention=true", "admin")]
    [InlineData("/api/desk/queue?due=overdue", "reviewer")]
    [InlineData("/api/desk/queue?sort=sideways", "reviewer")]
    [InlineData("/api/desk/mine?status=Bogus", "editor")]
    [InlineData("/api/supervision/accounts", "editor")]
    [InlineData("/api/me", "editor")]
    public async Task SignedIn_GoodAndBadRequests_AnswerTheSame_InBothHosts(string pathAndQuery, string who)
    {
        string user = who switch { "admin" => Admin, "editor" => Editor, _ => Reviewer };

        var local = await hosts.LocalAsync("GET", pathAndQuery, user);
        var functions = await hosts.FunctionsAsync("GET", pathAndQuery, user);

        AssertSame(local, functions);
    }

    static void AssertSame(Answer local, Answer functions)
    {
        Assert.True(local.Status == functions.Status && local.MediaType == functions.MediaType,
            $"local host: {local}\nFunctions: {functions}");
        if (functions.MediaType is "application/problem+json")
        {
            foreach (string field in new[] { "status", "title", "detail", "errors" })
            {
                Assert.Equal(Field(local, field), Field(functions, field));
            }
        }
        else
        {
            Assert.Equal(local.Body, functions.Body);
        }
    }

    static string? Field(Answer answer, string name) =>
        answer.Json.TryGetProperty(name, out var value) ? JsonSerializer.Serialize(value) : null;
}
