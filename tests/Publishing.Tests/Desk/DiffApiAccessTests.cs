using Microsoft.AspNetCore.Http;
using Publishing.Diff;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Tests.Desk;

/// <summary>The version comparison shows an item's text, so it is readable exactly as the item is (need-to-know).</summary>
public sealed class DiffApiAccessTests
{
    readonly DeskApiHarness harness = new();

    static string Text(System.Text.Json.JsonElement body) => System.Text.RegularExpressions.Regex.Unescape(body.GetRawText());

    [Fact]
    public async Task AnotherEditorsDraft_IsNotFound_WhileItsSubmitterGetsTheComparison()
    {
        var item = await harness.AddItemAsync("editor1", ItemStatus.InReview, ReviewStages.Initial, "<p>第一版正文。</p>");
        await harness.Content.SaveVersionAsync(item.Id, 2, "<p>第二版正文。</p>", "<p>第二版正文。</p>",
            new VersionDocument(item.Kind, item.Title, new ItemMetadata(Publisher: "临沂市商务局"), ["website"], null, null, "editor1", item.CreatedAt).ToJson());
        await harness.Items.UpdateAsync(item.Id, r => r.Version = 2);

        var (otherStatus, otherBody) = await harness.CallAsync(DeskApiHarness.User("editor2", Roles.Editor),
            c => DiffApi.GetDiff(item.Id, 1, 2, null, c, default));
        var (ownStatus, ownBody) = await harness.CallAsync(DeskApiHarness.User("editor1", Roles.Editor),
            c => DiffApi.GetDiff(item.Id, 1, 2, null, c, default));

        Assert.Equal(StatusCodes.Status404NotFound, otherStatus);
        Assert.Contains("不存在", otherBody.GetProperty("detail").GetString());
        Assert.DoesNotContain("二", Text(otherBody));
        Assert.Equal(StatusCodes.Status200OK, ownStatus);
        Assert.Contains("二", Text(ownBody));
    }
}
