using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Publishing.Checks;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Tests.Desk;

namespace Publishing.Tests.Review;

/// <summary>A reviewer dismisses a warning as a false alarm; blocks stay; later stages see why.</summary>
public class DismissalsApiTests
{
    const string Html = "<p>联系邮箱：office@example.com，坚持以公开为常态。</p>";

    static readonly Finding Warning = new(Aspects.Confidentiality, "pii.email", Severities.Warn, "正文含电子邮箱，请确认是否为单位公开联系方式。", 5, 18, "office@example.com")
    {
        Id = "pii.email-1a2b3c",
    };

    static readonly Finding Block = new(Aspects.Confidentiality, "secret.marking", Severities.Block, "正文含密级标识“秘密”，不得公开。", 0, 2, "秘密")
    {
        Id = "secret.marking-9f8e7d",
    };

    readonly DeskApiHarness harness = new();
    readonly CurrentUser initial = DeskApiHarness.User("reviewer1", Roles.InitialReviewer);

    static string Request(int? version = 1, string? reason = "这是本单位对外公开的办公邮箱，不是个人信息。") =>
        JsonSerializer.Serialize(new { version, reason });

    async Task<ItemRecord> InReviewAsync(string stage = "initial")
    {
        var item = await harness.AddItemAsync("editor1", ItemStatus.InReview, stage, Html, change: r =>
        {
            r.FindingsVersion = 1;
            r.BlockFindings = 1;
            r.WarnFindings = 1;
        });
        await harness.Findings.SaveAsync(item.Id, 1, [Block, Warning]);
        return item;
    }

    Task<(int Status, JsonElement Body)> DismissAsync(CurrentUser? user, string itemId, string findingId, string body) =>
        harness.CallAsync(user, c => DismissalsApi.Dismiss(itemId, findingId, c, default), body);

    [Fact]
    public async Task AWarning_IsDismissedWithItsReason_Audited_AndShownToTheNextStage()
    {
        var item = await InReviewAsync();

        var (status, body) = await DismissAsync(initial, item.Id, Warning.Id, Request());

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(("pii.email", 1, "initial", "reviewer1"),
            (body.GetProperty("ruleId").GetString(), body.GetProperty("version").GetInt32(), body.GetProperty("stage").GetString(), body.GetProperty("dismissedBy").GetString()));
        var trail = await harness.Audit.ReadAsync(item.Id);
        Assert.True(trail.Verified);
        var entry = Assert.Single(trail.Entries, e => e.Action == DismissalsApi.FindingDismissed);
        Assert.Equal(("reviewer1", 1), (entry.Actor, entry.Version));
        using (var details = JsonDocument.Parse(entry.Details!))
        {
            Assert.Equal("这是本单位对外公开的办公邮箱，不是个人信息。", details.RootElement.GetProperty("reason").GetString());
        }


        // 复审 opens: its reviewer reads the item and finds the dismissal beside the warning.
        await harness.Items.UpdateAsync(item.Id, r => r.Stage = ReviewStages.Second);
        var (_, view) = await harness.CallAsync(DeskApiHarness.User("reviewer2", Roles.SecondReviewer), c => ItemsApi.Get(item.Id, c, default));
        var dismissal = Assert.Single(view.GetProperty("dismissals").EnumerateArray());
        Assert.Equal(Warning.Id, dismissal.GetProperty("findingId").GetString());
        Assert.Equal("这是本单位对外公开的办公邮箱，不是个人信息。", dismissal.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ABlock_CannotBeDismissed_ItMustBeFixed()
    {
        var item = await InReviewAsync();

        var (status, body) = await DismissAsync(initial, item.Id, Block.Id, Request());

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Contains("须修改后重新提交", body.GetProperty("detail").GetString());
        Assert.DoesNotContain((await harness.Audit.ReadAsync(item.Id)).Entries, e => e.Action == DismissalsApi.FindingDismissed);
    }

    [Fact]
    public async Task AStaleVersion_Is409_AMissingReason_Is400_AnUnknownFinding_Is404()
    {
        var item = await InReviewAsync();

        var (status, body) = await DismissAsync(initial, item.Id, Warning.Id, Request(version: 2));
        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Contains("刷新", body.GetProperty("detail").GetString());

        (status, body) = await DismissAsync(initial, item.Id, Warning.Id, Request(reason: "  "));
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("驳回理由", body.GetProperty("errors").GetProperty("reason")[0].GetString());

        (status, _) = await DismissAsync(initial, item.Id, "no-such-finding", Request());
        Assert.Equal(StatusCodes.Status404NotFound, status);
    }

    [Fact]
    public async Task OnlyTheOpenStagesReviewer_MayDismiss_NotTheSubmitter_NorAnEditor()
    {
        var item = await InReviewAsync();

        Assert.Equal(StatusCodes.Status401Unauthorized, (await DismissAsync(null, item.Id, Warning.Id, Request())).Status);
        Assert.Equal(StatusCodes.Status403Forbidden, (await DismissAsync(DeskApiHarness.User("editor1", Roles.Editor), item.Id, Warning.Id, Request())).Status);
        var (status, body) = await DismissAsync(DeskApiHarness.User("editor1", Roles.InitialReviewer), item.Id, Warning.Id, Request());
        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Contains("自己提交", body.GetProperty("detail").GetString());
        Assert.Equal(StatusCodes.Status404NotFound, (await DismissAsync(DeskApiHarness.User("reviewer2", Roles.SecondReviewer), item.Id, Warning.Id, Request())).Status);
    }

    [Fact]
    public async Task TwoReviewersAtOnce_OneDismissalIsStored_AndTheOtherIsToldWhoWon()
    {
        var item = await InReviewAsync();
        var other = DeskApiHarness.User("reviewer3", Roles.InitialReviewer);

        var results = await Task.WhenAll(
            DismissAsync(initial, item.Id, Warning.Id, Request(reason: "单位公开邮箱。")),
            DismissAsync(other, item.Id, Warning.Id, Request(reason: "政务服务邮箱，可以公开。")));

        Assert.Equal([StatusCodes.Status200OK, StatusCodes.Status409Conflict], results.Select(r => r.Status).Order());
        Assert.Contains("已由", results.Single(r => r.Status == StatusCodes.Status409Conflict).Body.GetProperty("detail").GetString());
        var (_, view) = await harness.CallAsync(initial, c => ItemsApi.Get(item.Id, c, default));
        Assert.Single(view.GetProperty("dismissals").EnumerateArray());
        Assert.Single((await harness.Audit.ReadAsync(item.Id)).Entries, e => e.Action == DismissalsApi.FindingDismissed);
    }

    [Fact]
    public async Task ARepeatedCall_BySameReviewer_IsAnsweredWithTheStoredDismissal_AndAuditedOnce()
    {
        var item = await InReviewAsync();

        Assert.Equal(StatusCodes.Status200OK, (await DismissAsync(initial, item.Id, Warning.Id, Request())).Status);
        Assert.Equal(StatusCodes.Status200OK, (await DismissAsync(initial, item.Id, Warning.Id, Request())).Status);

        Assert.Single((await harness.Audit.ReadAsync(item.Id)).Entries, e => e.Action == DismissalsApi.FindingDismissed);
    }
}
