using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Publishing.Channels;
using Publishing.Desk;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Review;
using Publishing.Lifecycle;

namespace Publishing.Tests.Desk;

public class DeskListsApiTests
{
    const string Html = "<p>正文</p>";
    readonly DeskApiHarness harness = new();

    static List<string> Ids(JsonElement body, string property = "items") =>
        body.GetProperty(property).EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task Queue_ShowsWhatAwaitsTheReviewersStage_NotTheirOwnNorWhatTheyAlreadySigned()
    {
        var reviewer = DeskApiHarness.User("reviewer1", Roles.InitialReviewer, Roles.Editor);
        var waiting = await harness.AddItemAsync("editor1", ItemStatus.InReview, ReviewStages.Initial, Html,
            change: r => { r.StageOpenedAt = DateTimeOffset.UtcNow.AddDays(-20); r.DueAt = DateTimeOffset.UtcNow.AddDays(-15); });
        var own = await harness.AddItemAsync("reviewer1", ItemStatus.InReview, ReviewStages.Initial, Html);
        var laterStage = await harness.AddItemAsync("editor1", ItemStatus.InReview, ReviewStages.Second, Html);
        var returned = await harness.AddItemAsync("editor1", ItemStatus.ReturnedForRevision, null, Html);
        var signed = await harness.AddItemAsync("editor1", ItemStatus.InReview, ReviewStages.Initial, Html, change: r =>
            ItemReadModel.AddReview(r, new ReviewRecord(ReviewStages.Second, Decisions.Approve, new ReviewAspects(true, true, true, true),
                null, "reviewer1", "张初审", DateTimeOffset.UtcNow, 1, "c1")));

        var (status, body) = await harness.CallAsync(reviewer, c => DeskListsApi.GetQueue(c, null, null, null, default));

        Assert.Equal(StatusCodes.Status200OK, status);
        var ids = Ids(body);
        Assert.Contains(waiting.Id, ids);
        Assert.DoesNotContain(own.Id, ids);
        Assert.DoesNotContain(laterStage.Id, ids);
        Assert.DoesNotContain(returned.Id, ids);
        Assert.DoesNotContain(signed.Id, ids);
        var row = body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == waiting.Id);
        Assert.Equal(DueStates.Overdue, row.GetProperty("dueState").GetString());
        Assert.InRange(row.GetProperty("workingDaysAtStage").GetInt32(), 10, 16);
    }

    [Fact]
    public async Task Queue_IsForReviewers_AndValidatesItsFilters()
    {
        var (status, body) = await harness.CallAsync(DeskApiHarness.User("editor1", Roles.Editor), c => DeskListsApi.GetQueue(c, null, null, null, default));
        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Contains("初审人员", body.GetProperty("detail").GetString());

        (status, body) = await harness.CallAsync(DeskApiHarness.User("r", Roles.FinalReviewer), c => DeskListsApi.GetQueue(c, "memo", "late", "oldest", default));
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal(["due", "kind", "sort"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Mine_ListsOnlyTheEditorsOwnItems_WithTheirChannelStates()
    {
        var mine = await harness.AddItemAsync("editorA", ItemStatus.Published, null, Html, change: r => r.ApprovedVersion = 1);
        var other = await harness.AddItemAsync("editorB", ItemStatus.InReview, ReviewStages.Initial, Html);
        var publications = harness.Publications;
        await publications.TransitionAsync(mine.Id, 1, "website", ChannelState.Sending, TransitionCause.Workflow);
        await publications.TransitionAsync(mine.Id, 1, "website", ChannelState.Published, TransitionCause.Workflow,
            p => p with { Url = "http://127.0.0.1/site/a.html" });

        var (status, body) = await harness.CallAsync(DeskApiHarness.User("editorA", Roles.Editor), c => DeskListsApi.GetMyItems(c, null, null, default));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal([mine.Id], Ids(body));
        Assert.Equal("published", body.GetProperty("items")[0].GetProperty("publications").GetProperty("website").GetProperty("state").GetString());
        Assert.DoesNotContain(other.Id, Ids(body));
    }

    [Fact]
    public async Task Policies_FindsPolicyDocumentsByTitleOrDocumentNumber_ThatTheEditorMayRead()
    {
        string marker = Guid.NewGuid().ToString("N")[..6];
        var policy = await harness.AddItemAsync("editor1", ItemStatus.Published, null, Html, $"关于印发{marker}实施办法的通知", ItemKinds.Policy,
            r => r.MetadataJson = """{"documentNumber":"临政办字〔2025〕45号"}""");
        var ownDraft = await harness.AddItemAsync("editor2", ItemStatus.InReview, ReviewStages.Initial, Html, $"关于{marker}补贴的通知", ItemKinds.Policy);
        var othersDraft = await harness.AddItemAsync("editor1", ItemStatus.InReview, ReviewStages.Initial, Html, $"关于{marker}调整的通知", ItemKinds.Policy);
        var withdrawn = await harness.AddItemAsync("editor2", ItemStatus.Withdrawn, null, Html, $"{marker}已撤回", ItemKinds.Policy);
        var news = await harness.AddItemAsync("editor1", ItemStatus.Published, null, Html, $"{marker}新闻");
        var editor = DeskApiHarness.User("editor2", Roles.Editor);

        var (_, byTitle) = await harness.CallAsync(editor, c => DeskListsApi.GetPolicies(c, marker, default));
        var (_, byNumber) = await harness.CallAsync(editor, c => DeskListsApi.GetPolicies(c, "〔2025〕45号", default));

        Assert.Equal(new[] { ownDraft.Id, policy.Id }.Order(), Ids(byTitle, "policies").Order());
        Assert.Contains(policy.Id, Ids(byNumber, "policies"));
        // Need-to-know: another editor's unpublished policy is not listed, not even its title.
        Assert.DoesNotContain(othersDraft.Id, Ids(byTitle, "policies"));
        Assert.DoesNotContain(withdrawn.Id, Ids(byTitle, "policies"));
        Assert.DoesNotContain(news.Id, Ids(byTitle, "policies"));
    }
}
