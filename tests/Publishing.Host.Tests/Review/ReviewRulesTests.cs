using System.Net;
using System.Text;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Review;

/// <summary>Who may decide what, and what bad input gets back.</summary>
[Collection(SharedHostCollection.Name)]
public class ReviewRulesTests(SharedHost host)
{
    async Task<string> SubmitAndAwaitInitialAsync(ApiClient editor, object? submission = null)
    {
        string id = await editor.SubmitAsync(submission ?? Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");
        return id;
    }

    [Fact]
    public async Task ReviewingOwnItem_Is403()
    {
        using var editorReviewer = ApiClient.WithRoles(host.Process.BaseAddress, "editor-reviewer", "Editor", "InitialReviewer");
        string id = await SubmitAndAwaitInitialAsync(editorReviewer);

        var response = await editorReviewer.ReviewAsync(id, "initial", "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("自己提交", (string?)(await ApiClient.ReadJsonAsync(response))["detail"]);
    }

    [Fact]
    public async Task SamePersonDecidingSecondStageOfSameVersion_Is403()
    {
        using var editor = host.As("editor1");
        using var twoLevels = ApiClient.WithRoles(host.Process.BaseAddress, "two-levels", "InitialReviewer", "SecondReviewer");
        string id = await SubmitAndAwaitInitialAsync(editor);
        Assert.Equal(HttpStatusCode.OK, (await twoLevels.ReviewAsync(id, "initial", "approve")).StatusCode);

        var response = await twoLevels.ReviewAsync(id, "second", "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("同一人不能审核同一版本的两个环节", (string?)(await ApiClient.ReadJsonAsync(response))["detail"]);
    }

    [Theory]
    [InlineData("editor2", "initial")]   // an editor is no reviewer
    [InlineData("reviewer2", "initial")] // 复审 reviewer cannot decide 初审
    [InlineData("auditor1", "final")]
    public async Task DecidingWithoutTheStagesRole_Is403(string user, string stage)
    {
        using var editor = host.As("editor1");
        using var caller = host.As(user);
        string id = await SubmitAndAwaitInitialAsync(editor);

        Assert.Equal(HttpStatusCode.Forbidden, (await caller.ReviewAsync(id, stage, "approve")).StatusCode);
    }

    [Fact]
    public async Task DecidingAStageThatIsNotAwaited_Is409()
    {
        using var editor = host.As("editor1");
        using var second = host.As("reviewer2");
        string id = await SubmitAndAwaitInitialAsync(editor);

        var response = await second.ReviewAsync(id, "second", "approve");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("初审", (string?)(await ApiClient.ReadJsonAsync(response))["detail"]);
    }

    [Fact]
    public async Task PutWhileInReview_Is409()
    {
        using var editor = host.As("editor1");
        string id = await SubmitAndAwaitInitialAsync(editor);

        Assert.Equal(HttpStatusCode.Conflict, (await editor.PutJsonAsync($"api/items/{id}", Submissions.Policy())).StatusCode);
    }

    [Fact]
    public async Task UnknownItem_Is404()
    {
        using var reviewer = host.As("reviewer1");
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync("api/items/0123456789abcdef0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.Http.GetAsync("api/items/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.ReviewAsync("0123456789abcdef0123456789abcdef", "initial", "approve")).StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Is400Problem()
    {
        using var editor = host.As("editor1");
        var response = await editor.Http.PostAsync("api/items", new StringContent("{\"kind\": \"policy\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", (string?)(await ApiClient.ReadJsonAsync(response))["detail"]);
    }

    [Fact]
    public async Task MissingAndInvalidFields_Are400NamingEachField()
    {
        using var editor = host.As("editor1");
        var response = await editor.PostJsonAsync("api/items", new
        {
            kind = "memo",
            title = new string('标', 201),
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "公开", documentNumber = "临商务字[2023]12号" },
            channels = new[] { "website", "douyin" },
            unknownField = "ignored",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadJsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(
            ["bodyHtml", "channels[1]", "kind", "metadata.disclosureMode", "metadata.documentNumber", "title"],
            errors.Select(e => e.Key).Order().ToArray());
        Assert.Contains("〔", (string?)errors["metadata.documentNumber"]![0]);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        using var editor = host.As("editor1");
        string body = "<p>" + new string('政', 400_000) + "</p>"; // 1.2 MB of UTF-8; the shared host allows 1 MB

        var response = await editor.PostJsonAsync("api/items", Submissions.Policy(body: body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ApproveWithoutAllFourAspects_Is400_AndRejectWithoutComment_Is400()
    {
        using var editor = host.As("editor1");
        using var reviewer = host.As("reviewer1");
        string id = await SubmitAndAwaitInitialAsync(editor);

        var partial = await reviewer.ReviewAsync(id, "initial", "approve", allAspects: false);
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        var noComment = await reviewer.ReviewAsync(id, "initial", "reject");
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(noComment))["errors"]!.AsObject().ContainsKey("comment"));
    }

    [Fact]
    public async Task BlockFinding_RefusesApproval_ButAllowsRejection()
    {
        using var editor = host.As("editor1");
        using var reviewer = host.As("reviewer1");
        string id = await SubmitAndAwaitInitialAsync(editor,
            Submissions.Policy(body: "<p>秘密★1年</p><p>关于做好安全生产工作的通知</p>"));
        var item = await editor.GetJsonAsync($"api/items/{id}");
        Assert.Contains(item["findings"]!.AsArray(), f => (string?)f!["severity"] == "block" && (string?)f["aspect"] == "confidentiality");

        var approve = await reviewer.ReviewAsync(id, "initial", "approve");
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("阻断", (string?)(await ApiClient.ReadJsonAsync(approve))["detail"]);

        var reject = await reviewer.ReviewAsync(id, "initial", "reject", "含密级标识，不得公开。", allAspects: false);
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
    }
}
