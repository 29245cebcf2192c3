using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Publishing.Testing;
using System.Text.RegularExpressions;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Review;

[Collection(SharedHostCollection.Name)]
public class SubmissionTests(SharedHost host)
{
    [Fact]
    public async Task ParallelSubmits_GetDistinctGapFreeIndexNumbers()
    {
        using var editor = host.As("editor1");
        string orgCode = "9" + Random.Shared.Next(100_000_000, 999_999_999);

        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => editor.SubmitAsync(Submissions.Policy(orgCode: orgCode))));
        var numbers = await Task.WhenAll(ids.Select(async id => (string)(await editor.GetJsonAsync($"api/items/{id}"))["indexNumber"]!));

        int year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        Assert.All(numbers, n => Assert.Matches(new Regex($"^{orgCode}/swj/{year}-\\d{{7}}$"), n));
        Assert.Equal(Enumerable.Range(1, 12), numbers.Select(n => int.Parse(n[^7..])).Order());
    }

    [Fact]
    public async Task RepeatedIdempotencyKey_ReturnsTheSameItem_WithOneReview()
    {
        using var editor = host.As("editor1");
        string key = Guid.NewGuid().ToString();

        var first = await editor.PostJsonAsync("api/items", Submissions.Policy(), key);
        var second = await editor.PostJsonAsync("api/items", Submissions.Policy(), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        string id = (string)(await ApiClient.ReadJsonAsync(first))["id"]!;
        Assert.Equal(id, (string?)(await ApiClient.ReadJsonAsync(second))["id"]);
        Assert.Equal($"/api/items/{id}", first.Headers.Location?.OriginalString);

        await editor.WaitForStageAsync(id, "initial");
        var audit = await editor.GetJsonAsync($"api/items/{id}/audit");
        Assert.Single(audit["entries"]!.AsArray(), e => (string?)e!["action"] == "submitted");
        Assert.Single(audit["entries"]!.AsArray(), e => (string?)e!["action"] == "checks-run");
    }

    [Fact]
    public async Task RetryWithTheSameKey_AfterTheFirstAttemptDiedMidway_CompletesTheSubmission()
    {
        using var editor = host.As("editor1");
        string key = Guid.NewGuid().ToString();
        string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("editor1\n" + key)))[..32];
        // What a host that died right after claiming the id leaves behind: the row, no content, no review.
        var table = new TableClient(TestStorage.ConnectionString, "Items");
        await table.AddEntityAsync(new TableEntity("item", id)
        {
            ["Kind"] = "policy", ["Title"] = "未完成的提交", ["Version"] = 1, ["Status"] = "Submitted",
            ["SubmittedBy"] = "editor1", ["SubmittedByName"] = "王编辑", ["MetadataJson"] = "{}", ["ChannelsJson"] = "[]",
            ["ReviewsJson"] = "[]", ["CreatedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5), ["UpdatedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5),
            ["IdempotencyKey"] = key,
        });

        var retry = await editor.PostJsonAsync("api/items", Submissions.Policy(), key);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(id, (string?)(await ApiClient.ReadJsonAsync(retry))["id"]);
        var item = await editor.WaitForStageAsync(id, "initial");
        Assert.NotNull((string?)item["indexNumber"]);
        var differentContent = await editor.PostJsonAsync("api/items", Submissions.Policy(title: "另一篇稿件"), key);
        Assert.Equal(HttpStatusCode.Conflict, differentContent.StatusCode);
        Assert.Contains("Idempotency-Key", (string?)(await ApiClient.ReadJsonAsync(differentContent))["detail"]);
        Assert.Equal("未完成的提交", (string?)(await editor.GetJsonAsync($"api/items/{id}"))["title"]);
    }

    [Fact]
    public async Task InterpretationOfAnUnknownPolicy_Is400()
    {
        using var editor = host.As("editor1");
        var response = await editor.PostJsonAsync("api/items", new
        {
            kind = "interpretation",
            title = "《2023年政务公开工作要点》解读",
            bodyHtml = "<p>解读内容。</p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开" },
            channels = new[] { "website" },
            interpretsItemId = "0123456789abcdef0123456789abcdef",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(response))["errors"]!.AsObject().ContainsKey("interpretsItemId"));
    }
}
