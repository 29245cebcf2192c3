using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Publishing.Host.Tests.Support;
using Publishing.Testing;

namespace Publishing.Host.Tests.Review;

/// <summary>The 三审 path on the real engine (local host process, Azure Storage provider on Azurite).</summary>
[Collection(SharedHostCollection.Name)]
public class ReviewPathTests(SharedHost host)
{
    [Fact]
    public async Task ThreeApprovals_ItemIsApproved_AuditTrailVerifies_AndTamperingIsDetected()
    {
        using var editor = host.As("editor1");
        using var initial = host.As("reviewer1");
        using var second = host.As("reviewer2");
        using var final = host.As("reviewer3");
        using var auditor = host.As("auditor1");

        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");

        var afterInitial = await initial.ReviewAsync(id, "initial", "approve", "初审通过");
        Assert.Equal(HttpStatusCode.OK, afterInitial.StatusCode);
        Assert.Equal("second", (string?)(await ApiClient.ReadJsonAsync(afterInitial))["stage"]);
        Assert.Equal(HttpStatusCode.OK, (await second.ReviewAsync(id, "second", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await final.ReviewAsync(id, "final", "approve")).StatusCode);

        // No channel credentials are configured here: WeChat and Weibo run in preview mode.
        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Equal("Published", (string?)item["status"]);
        Assert.Equal("published", (string?)item["publications"]!["website"]!["state"]);
        Assert.Equal("previewed", (string?)item["publications"]!["wechat"]!["state"]);
        Assert.Equal("previewed", (string?)item["publications"]!["weibo"]!["state"]);
        Assert.Equal(["initial", "second", "final"], item["reviews"]!.AsArray().Select(r => (string)r!["stage"]!).ToArray());
        Assert.Equal(["reviewer1", "reviewer2", "reviewer3"], item["reviews"]!.AsArray().Select(r => (string)r!["reviewer"]!).ToArray());
        // The approved hash covers the whole stored version: body and metadata.json.
        var blobs = new Azure.Storage.Blobs.BlobContainerClient(TestStorage.ConnectionString, "items");
        string Stored(string name) => blobs.GetBlobClient($"{id}/v1/{name}").DownloadContent().Value.Content.ToString();
        Assert.Equal(Publishing.Items.ContentStore.ComputeContentHash(Stored("sanitized.html"), Stored("metadata.json")), (string?)item["contentHash"]);

        var audit = await auditor.GetJsonAsync($"api/items/{id}/audit");
        Assert.True((bool)audit["verified"]!);
        var actions = audit["entries"]!.AsArray().Select(e => (string)e!["action"]!).ToList();
        Assert.Equal(1, actions.Count(a => a == "submitted"));
        Assert.Equal(1, actions.Count(a => a == "version-stored"));
        Assert.Equal(1, actions.Count(a => a == "checks-run"));
        Assert.Equal(3, actions.Count(a => a == "stage-opened"));
        Assert.Equal(3, actions.Count(a => a == "review-decision"));
        Assert.True(actions.IndexOf("approved") > actions.LastIndexOf("review-decision"), "approval must follow the 终审 decision");
        Assert.Equal("publish-finished", actions[^1]);

        // Someone with storage access edits one stored entry: the chain no longer verifies.
        var table = new TableClient(TestStorage.ConnectionString, "AuditTrail");
        var entry = table.Query<TableEntity>(e => e.PartitionKey == id && e.RowKey == "0000000005").Single();
        entry["Actor"] = "someone-else";
        await table.UpdateEntityAsync(entry, entry.ETag, TableUpdateMode.Replace);

        var tampered = await auditor.GetJsonAsync($"api/items/{id}/audit");
        Assert.False((bool)tampered["verified"]!);
    }

    [Fact]
    public async Task RejectAtSecond_ReturnsForRevision_NewVersionRestartsAtInitial_OldDecisionsDontCount()
    {
        using var editor = host.As("editor1");
        using var initial = host.As("reviewer1");
        using var second = host.As("reviewer2");

        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");
        Assert.Equal(HttpStatusCode.OK, (await initial.ReviewAsync(id, "initial", "approve")).StatusCode);
        var rejected = await second.ReviewAsync(id, "second", "reject", "第二段表述不准确，请修改。", allAspects: false);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("ReturnedForRevision", (string?)(await ApiClient.ReadJsonAsync(rejected))["status"]);

        var inbox = await editor.GetJsonAsync("api/inbox");
        Assert.Contains(inbox["notifications"]!.AsArray(), n => (string?)n!["itemId"] == id && (string?)n["kind"] == "returned");

        var put = await editor.PutJsonAsync($"api/items/{id}", Submissions.Policy(body: "<p>修改后的正文：各科室要按照要求做好政府信息公开工作。</p>"));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        Assert.Equal(2, (int)(await ApiClient.ReadJsonAsync(put))["version"]!);

        var v2 = await editor.WaitForStageAsync(id, "initial", version: 2);
        Assert.Contains("修改后的正文", (string)(await editor.GetJsonAsync($"api/items/{id}/versions/2"))["sanitizedHtml"]!);
        Assert.DoesNotContain("修改后的正文", (string)(await editor.GetJsonAsync($"api/items/{id}/versions/1"))["sanitizedHtml"]!);
        Assert.All(v2["reviews"]!.AsArray(), r => Assert.Equal(1, (int)r!["version"]!));

        // v1's 初审 approval does not carry over: 复审 is not awaited for v2.
        var early = await second.ReviewAsync(id, "second", "approve");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        // The same 初审 reviewer may decide the new version.
        var again = await initial.ReviewAsync(id, "initial", "approve");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("second", (string?)(await ApiClient.ReadJsonAsync(again))["stage"]);
    }

    [Fact]
    public async Task Withdraw_BeforeFinalApproval_EndsTheReview()
    {
        using var editor = host.As("editor1");
        using var otherEditor = host.As("editor2");
        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");

        Assert.Equal(HttpStatusCode.Forbidden, (await otherEditor.PostJsonAsync($"api/items/{id}/withdraw", new { })).StatusCode);
        var withdrawn = await editor.PostJsonAsync($"api/items/{id}/withdraw", new { });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (string?)(await ApiClient.ReadJsonAsync(withdrawn))["status"]);
        using var reviewer = host.As("reviewer1");
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.ReviewAsync(id, "initial", "approve")).StatusCode);
    }

    [Fact]
    public async Task StoredVersion_IsSanitized_AndListShowsItemToItsReviewers()
    {
        using var editor = host.As("editor1");
        using var reviewer = host.As("reviewer1");
        string id = await editor.SubmitAsync(Submissions.Policy(body: "<p onclick=\"steal()\">正文内容。</p><script>alert(1)</script>"));
        await editor.WaitForStageAsync(id, "initial");

        string html = (string)(await editor.GetJsonAsync($"api/items/{id}/versions/1"))["sanitizedHtml"]!;
        Assert.Contains("正文内容。", html);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);

        var mine = await reviewer.GetJsonAsync("api/items?assignedToMe=true&pageSize=200");
        Assert.Contains(mine["items"]!.AsArray(), i => (string?)i!["id"] == id);
        using var finalReviewer = host.As("reviewer3");
        var notMine = await finalReviewer.GetJsonAsync("api/items?assignedToMe=true&pageSize=200");
        Assert.DoesNotContain(notMine["items"]!.AsArray(), i => (string?)i!["id"] == id);
    }
}
