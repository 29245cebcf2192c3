using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notes;
using Publishing.Tests.Desk;
using Publishing.Lifecycle;

namespace Publishing.Tests.Notes;

public class NotesApiTests
{
    const string Html = "<p>坚持以公开为常态、不公开为例外，推进决策公开。</p>";

    readonly DeskApiHarness harness = new();
    readonly CurrentUser initial = DeskApiHarness.User("reviewer1", Roles.InitialReviewer);
    readonly CurrentUser second = DeskApiHarness.User("reviewer2", Roles.SecondReviewer);
    readonly CurrentUser editor = DeskApiHarness.User("editor1", Roles.Editor);

    static string Note(string quote = "推进决策公开", string aspect = "textual", int? version = 1) =>
        JsonSerializer.Serialize(new { version, aspect, quote, prefix = "不公开为例外，", suffix = "。", text = "“推进”后应写明推进什么。" });

    Task<ItemRecord> InReviewAsync(string stage = "initial") => harness.AddItemAsync("editor1", ItemStatus.InReview, stage, Html);

    [Fact]
    public async Task TheReviewerOfTheOpenStage_AddsANote_ThatTheEditorAndAuditorRead_ButNotALaterStageYet()
    {
        var item = await InReviewAsync();

        var (status, note) = await harness.CallAsync(initial, c => NotesApi.AddNote(item.Id, c, default), Note());

        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.Equal(("推进决策公开", "textual", 1, "initial", "reviewer1", false),
            (note.GetProperty("quote").GetString(), note.GetProperty("aspect").GetString(), note.GetProperty("version").GetInt32(),
             note.GetProperty("stage").GetString(), note.GetProperty("author").GetString(), note.GetProperty("resolved").GetBoolean()));
        Assert.Equal(StatusCodes.Status404NotFound, (await harness.CallAsync(second, c => NotesApi.ListNotes(item.Id, c, default))).Status);
        foreach (var reader in new[] { editor, DeskApiHarness.User("auditor1", Roles.Auditor) })
        {
            var (readStatus, list) = await harness.CallAsync(reader, c => NotesApi.ListNotes(item.Id, c, default));
            Assert.Equal(StatusCodes.Status200OK, readStatus);
            Assert.Equal("“推进”后应写明推进什么。", list.GetProperty("notes")[0].GetProperty("text").GetString());
        }

        var trail = await harness.Audit.ReadAsync(item.Id);
        Assert.True(trail.Verified);
        Assert.Contains(trail.Entries, e => e.Action == NotesApi.NoteAdded && e.Actor == "reviewer1");
    }

    [Fact]
    public async Task WithoutIdentity_Is401_AndUnknownItem_Is404()
    {
        var (status, body) = await harness.CallAsync(null, c => NotesApi.AddNote("0123456789abcdef0123456789abcdef", c, default), Note());
        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Contains("登录", body.GetProperty("detail").GetString());

        (status, body) = await harness.CallAsync(initial, c => NotesApi.AddNote("0123456789abcdef0123456789abcdef", c, default), Note());
        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Contains("不存在", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OnlyTheOpenStagesReviewer_MayWriteNotes()
    {
        var item = await InReviewAsync();
        var selfReviewer = DeskApiHarness.User("editor1", Roles.InitialReviewer);

        Assert.Equal(StatusCodes.Status403Forbidden, (await harness.CallAsync(editor, c => NotesApi.AddNote(item.Id, c, default), Note())).Status);
        // A later stage's reviewer does not see the item yet (need-to-know), so it does not exist for them.
        var (status, body) = await harness.CallAsync(second, c => NotesApi.AddNote(item.Id, c, default), Note());
        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Contains("不存在", body.GetProperty("detail").GetString());
        (status, body) = await harness.CallAsync(selfReviewer, c => NotesApi.AddNote(item.Id, c, default), Note());
        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Contains("自己提交", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnotherEditor_IsToldTheItemDoesNotExist()
    {
        var item = await InReviewAsync();

        var (status, body) = await harness.CallAsync(DeskApiHarness.User("editor2", Roles.Editor), c => NotesApi.ListNotes(item.Id, c, default));

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Contains("不存在", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ANoteOnAnOlderVersion_Is409_AndAQuoteNotInTheText_Is400()
    {
        var item = await InReviewAsync();

        var (status, body) = await harness.CallAsync(initial, c => NotesApi.AddNote(item.Id, c, default), Note(version: 0));
        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Contains("刷新", body.GetProperty("detail").GetString());

        (status, body) = await harness.CallAsync(initial, c => NotesApi.AddNote(item.Id, c, default), Note(quote: "推进执行公开"));
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("找不到", body.GetProperty("errors").GetProperty("quote")[0].GetString());
    }

    [Theory]
    [InlineData("""{"aspect":"policy","quote":"推进决策公开","text":"x"}""", "aspect")]
    [InlineData("""{"aspect":"legal","quote":"","text":"x"}""", "quote")]
    [InlineData("""{"aspect":"legal","quote":"推进决策公开","text":"  "}""", "text")]
    public async Task InvalidNotes_Are400NamingTheField(string body, string field)
    {
        var item = await InReviewAsync();

        var (status, json) = await harness.CallAsync(initial, c => NotesApi.AddNote(item.Id, c, default), body);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ALongQuoteOrText_IsRefused_SoNoRowNearsTheTablePropertyLimit()
    {
        string longHtml = "<p>" + new string('政', 5000) + "</p>";
        var item = await harness.AddItemAsync("editor1", ItemStatus.InReview, "initial", longHtml);
        string tooLong = JsonSerializer.Serialize(new { aspect = "textual", quote = new string('政', NoteLimits.MaxQuoteLength + 1), text = "x" });
        string atLimit = JsonSerializer.Serialize(new
        {
            aspect = "textual", quote = new string('政', NoteLimits.MaxQuoteLength), text = new string('改', NoteLimits.MaxTextLength),
            prefix = new string('前', 300), suffix = new string('后', 300),
        });

        Assert.Equal(StatusCodes.Status400BadRequest, (await harness.CallAsync(initial, c => NotesApi.AddNote(item.Id, c, default), tooLong)).Status);
        var (status, note) = await harness.CallAsync(initial, c => NotesApi.AddNote(item.Id, c, default), atLimit);

        Assert.Equal(StatusCodes.Status201Created, status);
        Assert.Equal(NoteLimits.MaxContextLength, note.GetProperty("prefix").GetString()!.Length);
        Assert.Equal(NoteLimits.MaxContextLength, note.GetProperty("suffix").GetString()!.Length);
    }

    [Fact]
    public async Task Resolve_MarksTheNoteOnce_EvenWhenTwoReviewersClickAtOnce()
    {
        var item = await InReviewAsync();
        var (_, note) = await harness.CallAsync(initial, c => NotesApi.AddNote(item.Id, c, default), Note());
        string noteId = note.GetProperty("id").GetString()!;
        var colleague = DeskApiHarness.User("reviewer1b", Roles.InitialReviewer);

        var results = await Task.WhenAll(
            harness.CallAsync(initial, c => NotesApi.ResolveNote(item.Id, noteId, c, default)),
            harness.CallAsync(colleague, c => NotesApi.ResolveNote(item.Id, noteId, c, default)));

        Assert.All(results, r => Assert.Equal(StatusCodes.Status200OK, r.Status));
        Assert.Single(results.Select(r => r.Body.GetProperty("resolvedBy").GetString()).Distinct());
        var (_, list) = await harness.CallAsync(editor, c => NotesApi.ListNotes(item.Id, c, default));
        Assert.True(list.GetProperty("notes")[0].GetProperty("resolved").GetBoolean());
        Assert.Equal(StatusCodes.Status404NotFound, (await harness.CallAsync(second, c => NotesApi.ResolveNote(item.Id, noteId, c, default))).Status);
    }
}
