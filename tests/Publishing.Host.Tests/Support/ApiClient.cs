using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Publishing.Host.Identity;

namespace Publishing.Host.Tests.Support;

/// <summary>An HTTP client signed in as one of the sample users.</summary>
public sealed class ApiClient(Uri baseAddress, string? user) : IDisposable
{
    public static readonly LocalAuthOptions SampleAuth = new() { SigningKey = LocalAuthOptions.SampleSigningKey };

    static readonly Dictionary<string, (string Name, string Role)> Users = new()
    {
        ["editor1"] = ("王编辑", "Editor"),
        ["editor2"] = ("李编辑", "Editor"),
        ["reviewer1"] = ("张初审", "InitialReviewer"),
        ["reviewer2"] = ("刘复审", "SecondReviewer"),
        ["reviewer3"] = ("陈终审", "FinalReviewer"),
        ["reviewer1b"] = ("周初审", "InitialReviewer"),
        ["admin1"] = ("赵管理员", "Admin"),
        ["auditor1"] = ("孙审计", "Auditor"),
    };

    readonly HttpClient http = CreateClient(baseAddress, user is null ? null : TokenFor(user));

    ApiClient(Uri baseAddress, string token, bool _) : this(baseAddress, null) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>A person holding several roles, e.g. an editor who is also an 初审 reviewer.</summary>
    public static ApiClient WithRoles(Uri baseAddress, string id, params string[] roles) =>
        new(baseAddress, LocalTokenIssuer.Issue(new LocalUser(id, id, roles), SampleAuth), true);

    public HttpClient Http => http;

    public static string TokenFor(string user, LocalAuthOptions? auth = null, DateTime? issuedAt = null)
    {
        var (name, role) = Users[user];
        return LocalTokenIssuer.Issue(new LocalUser(user, name, [role]), auth ?? SampleAuth, issuedAt);
    }

    static HttpClient CreateClient(Uri baseAddress, string? token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PutJsonAsync(string path, object body) => http.PutAsJsonAsync(path, body);

    /// <summary>Submits and returns the new item's id (asserting 202).</summary>
    public async Task<string> SubmitAsync(object submission, string? idempotencyKey = null)
    {
        var response = await PostJsonAsync("api/items", submission, idempotencyKey);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit → {(int)response.StatusCode}: {text}");
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    /// <summary>A decision on the version the item shows now (read first, as a reviewer's page does), or on <paramref name="version"/>.</summary>
    public async Task<HttpResponseMessage> ReviewAsync(string id, string stage, string decision, string? comment = null, bool allAspects = true, int? version = null)
    {
        if (version is null)
        {
            var current = await http.GetAsync($"api/items/{id}");
            version = current.IsSuccessStatusCode ? (int?)JsonNode.Parse(await current.Content.ReadAsStringAsync())!["version"] : 1;
        }

        return await PostJsonAsync($"api/items/{id}/reviews", new
        {
            stage,
            decision,
            aspects = new { political = allAspects, legal = allAspects, confidentiality = allAspects, textual = allAspects },
            comment,
            version,
        });
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Polls an item until <paramref name="condition"/> holds (the workflow runs asynchronously).</summary>
    public Task<JsonNode> WaitForStageAsync(string id, string stage, int version = 1) =>
        WaitForItemAsync(id, item => (string?)item["status"] == "InReview" && (string?)item["stage"] == stage && (int)item["version"]! == version);

    public async Task<JsonNode> WaitForItemAsync(string id, Func<JsonNode, bool> condition, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetJsonAsync($"api/items/{id}");
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Item {id} did not reach the expected state in {timeoutSeconds} s; last: {last?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }

    public void Dispose() => http.Dispose();
}
