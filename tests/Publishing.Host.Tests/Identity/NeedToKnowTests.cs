using System.Net;
using System.Text.Json.Nodes;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Identity;

/// <summary>
/// Every role reads only what it needs, through the item, version, audit and list routes of the running host. A
/// hidden item answers exactly like an id that never existed (404), so its existence does not leak.
/// </summary>
[Collection(SharedHostCollection.Name)]
public class NeedToKnowTests(SharedHost host)
{
    static readonly string[] Readers = ["editor1", "editor2", "reviewer1", "reviewer1b", "reviewer2", "reviewer3", "admin1", "auditor1"];

    /// <param name="status">Narrows the list query; null lists everything (the list filter does not know publishing statuses yet).</param>
    async Task AssertVisibilityAsync(string id, string? status, IReadOnlyCollection<string> allowed)
    {
        foreach (string reader in Readers)
        {
            using var client = host.As(reader);
            bool expected = allowed.Contains(reader);
            foreach (string path in new[] { $"api/items/{id}", $"api/items/{id}/versions/1", $"api/items/{id}/audit" })
            {
                var response = await client.Http.GetAsync(path);
                if (expected)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reader} GET {path} → {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{reader} GET {path} → {(int)response.StatusCode}, expected 404");
                    await AssertLooksLikeAnUnknownIdAsync(client, path, id, response);
                }
            }

            Assert.True(expected == await ListedAsync(client, id, status), $"{reader}: list {(expected ? "lacks" : "shows")} the item");
        }
    }

    static async Task AssertLooksLikeAnUnknownIdAsync(ApiClient client, string path, string id, HttpResponseMessage hidden)
    {
        string unknownId = Guid.NewGuid().ToString("N");
        var unknown = await client.Http.GetAsync(path.Replace(id, unknownId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        string hiddenBody = (await hidden.Content.ReadAsStringAsync()).Replace(id, "{id}", StringComparison.Ordinal);
        string unknownBody = (await unknown.Content.ReadAsStringAsync()).Replace(unknownId, "{id}", StringComparison.Ordinal);
        Assert.Equal(unknownBody, hiddenBody);
    }

    /// <summary>Whether the item appears on any page of the list (the shared host holds other tests' items too).</summary>
    static async Task<bool> ListedAsync(ApiClient client, string id, string? status)
    {
        string? token = null;
        do
        {
            var page = await client.GetJsonAsync("api/items?pageSize=200" + (status is null ? "" : "&status=" + status)
                + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            if (page["items"]!.AsArray().Any(i => (string?)i!["id"] == id))
            {
                return true;
            }

            token = (string?)page["continuationToken"];
        }
        while (token is not null);

        return false;
    }

    [Fact]
    public async Task ThroughTheReview_EachRoleReadsOnlyWhatItNeeds()
    {
        using var editor = host.As("editor1");
        string id = await editor.SubmitAsync(Submissions.Policy(title: "关于进一步规范行政事业性收费的通知"));

        // Waiting at 初审: the submitter, every 初审 reviewer, Admin, Auditor.
        await editor.WaitForStageAsync(id, "initial");
        await AssertVisibilityAsync(id, "InReview", ["editor1", "reviewer1", "reviewer1b", "admin1", "auditor1"]);

        // 初审 decided by reviewer1, now at 复审: reviewer1 keeps it, the other 初审 reviewer loses it.
        using var reviewer1 = host.As("reviewer1");
        Assert.Equal(HttpStatusCode.OK, (await reviewer1.ReviewAsync(id, "initial", "approve")).StatusCode);
        await editor.WaitForStageAsync(id, "second");
        await AssertVisibilityAsync(id, "InReview", ["editor1", "reviewer1", "reviewer2", "admin1", "auditor1"]);

        // Published: every editor may read it; reviewers who decided it keep it; 周初审 never had a part in it.
        foreach (var (stage, reviewer) in new[] { ("second", "reviewer2"), ("final", "reviewer3") })
        {
            using var client = host.As(reviewer);
            await editor.WaitForStageAsync(id, stage);
            Assert.Equal(HttpStatusCode.OK, (await client.ReviewAsync(id, stage, "approve")).StatusCode);
        }

        var published = await ReviewFlow.WaitForPublishedAsync(editor, id);
        string status = (string)published["status"]!;
        Assert.Contains(status, new[] { "Published", "PartiallyPublished" });
        await AssertVisibilityAsync(id, null, ["editor1", "editor2", "reviewer1", "reviewer2", "reviewer3", "admin1", "auditor1"]);
    }

    [Fact]
    public async Task ReturnedDraft_StaysHiddenFromOtherEditors()
    {
        using var editor = host.As("editor1");
        using var other = host.As("editor2");
        using var reviewer = host.As("reviewer1");
        string id = await editor.SubmitAsync(Submissions.Policy(title: "关于调整部分行政审批事项的通知（征求意见稿）"));
        await editor.WaitForStageAsync(id, "initial");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.ReviewAsync(id, "initial", "reject", "请补充法律依据", allAspects: false)).StatusCode);
        await editor.WaitForItemAsync(id, i => (string?)i["status"] == "ReturnedForRevision");

        var response = await other.Http.GetAsync($"api/items/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("请补充法律依据", await response.Content.ReadAsStringAsync());
    }
}
