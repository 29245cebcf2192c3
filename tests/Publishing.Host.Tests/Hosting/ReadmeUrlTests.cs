using System.Net;
using System.Text.RegularExpressions;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Hosting;

/// <summary>
/// Every local URL README.md lists opens on a running local host: the full <c>http://127.0.0.1:7071/…</c> addresses a
/// person clicks answer 200 (signed in as a sample user where the API needs one), and every GET route of the "Local
/// URLs" table reaches its handler for some sample user. No redirect loop, no 404, no 5xx.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class ReadmeUrlTests(SharedHost host)
{
    const int MaxRedirects = 5;
    static readonly string?[] Identities = [null, "editor1", "reviewer1", "reviewer2", "reviewer3", "admin1", "auditor1"];

    static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [GeneratedRegex(@"http://127\.0\.0\.1:7071(?<path>/[^\s`)|""'<>]*)")]
    private static partial Regex LocalUrl();

    /// <summary>A GET route in a table cell: <c>GET /api/…</c> or <c>GET/PUT /api/…</c>, up to the closing backtick.</summary>
    [GeneratedRegex(@"`GET(?:/[A-Z]+)? (?<path>/api/[^`\s]+)`")]
    private static partial Regex GetRoute();

    [Fact]
    public void Readme_ListsTheBrowserUrlsAndTheApiRoutes()
    {
        var urls = LocalUrl().Matches(Readme).Select(m => m.Groups["path"].Value).ToHashSet();
        Assert.Contains("/site/", urls);
        Assert.Contains("/desk/", urls);
        Assert.Contains("/api/me", urls);
        Assert.True(GetRoute().Matches(Readme).Count >= 10, "the Local URLs table lists fewer GET routes than expected");
    }

    [Fact]
    public async Task EveryFullLocalUrl_Answers200_ForSomeSampleUser_WithoutARedirectLoop()
    {
        var paths = LocalUrl().Matches(Readme).Select(m => m.Groups["path"].Value).Distinct().ToList();
        var failures = new List<string>();
        foreach (string path in paths)
        {
            var answers = await OpenAsEveryoneAsync(path);
            if (!answers.Any(a => a.Status == HttpStatusCode.OK))
            {
                failures.Add($"{path}: {string.Join(", ", answers.Select(a => $"{a.Who ?? "anonymous"} {a.Status} {a.Note}"))}");
            }
        }

        Assert.True(failures.Count == 0, "README URLs that do not open:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryGetRouteOfTheTable_ReachesItsHandler_ForSomeSampleUser()
    {
        using var editor = host.As("editor1");
        string id = await editor.SubmitAsync(Submissions.Policy(title: "临沂市商务局关于核对说明文档地址的通知"));
        string assetId = await UploadPictureAsync();

        var routes = GetRoute().Matches(Readme).Select(m => m.Groups["path"].Value).Distinct().ToList();
        var failures = new List<string>();
        foreach (string route in routes)
        {
            // The table documents parameter names (status=&stage=…); the route itself is what must exist.
            string path = route.Split('?')[0].Replace("{id}", route.StartsWith("/api/assets/", StringComparison.Ordinal) ? assetId : id).Replace("{n}", "1");
            Assert.DoesNotContain("{", path);
            var answers = await OpenAsEveryoneAsync(path);
            bool signedByWeChat = path == "/api/channels/wechat/events";
            bool reached = answers.Any(a => (int)a.Status < 500 && a.Status is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                && a.Note is null && (signedByWeChat || a.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)));
            // Others get 404 for an item they may not read (need-to-know); someone must reach the handler, nobody a 5xx.
            if (!reached || answers.Any(a => (int)a.Status >= 500))
            {
                failures.Add($"{route} → {path}: {string.Join(", ", answers.Select(a => $"{a.Who ?? "anonymous"} {(int)a.Status} {a.Note}"))}");
            }
        }

        Assert.True(failures.Count == 0, "README routes that do not work:\n" + string.Join("\n", failures));
    }

    /// <summary>A 1×1 PNG uploaded as editor1, so the asset routes have something to answer.</summary>
    async Task<string> UploadPictureAsync()
    {
        using var http = new HttpClient { BaseAddress = host.Process.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", ApiClient.TokenFor("editor1"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
        file.Headers.ContentType = new("image/png");
        form.Add(file, "file", "dot.png");
        var response = await http.PostAsync("api/assets", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await ApiClient.ReadJsonAsync(response))["id"]!;
    }

    async Task<List<(string? Who, HttpStatusCode Status, string? Note)>> OpenAsEveryoneAsync(string path)
    {
        var answers = new List<(string?, HttpStatusCode, string?)>();
        foreach (string? who in Identities)
        {
            var (status, note) = await OpenAsync(path, who);
            answers.Add((who, status, note));
        }

        return answers;
    }

    /// <summary>GET with redirects followed by hand, so a loop is seen as one (note) rather than as the client's error.</summary>
    async Task<(HttpStatusCode Status, string? Note)> OpenAsync(string path, string? who)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = host.Process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (who is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", ApiClient.TokenFor(who));
        }

        var seen = new HashSet<string>();
        var target = new Uri(host.Process.BaseAddress, path.TrimStart('/'));
        for (int hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!seen.Add(target.PathAndQuery))
            {
                return (HttpStatusCode.Redirect, "redirect loop at " + target.PathAndQuery);
            }

            using var response = await http.GetAsync(target);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                return (response.StatusCode, null);
            }

            target = new Uri(target, response.Headers.Location!);
            if (target.Host != host.Process.BaseAddress.Host || target.Port != host.Process.BaseAddress.Port)
            {
                return (response.StatusCode, "redirects off the host to " + target);
            }
        }

        return (HttpStatusCode.Redirect, $"more than {MaxRedirects} redirects");
    }
}
