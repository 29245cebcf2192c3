using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Publishing.Identity;
using Publishing.Notifications;
using Publishing.Testing;

namespace Publishing.Tests.Notifications;

public class InboxTests
{
    static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    readonly Inbox _inbox = new(
        new TableServiceClient(TestStorage.ConnectionString),
        Options.Create(new InboxOptions { TableName = TestStorage.UniqueName("inbox") }));

    // Fresh user ids per test keep tests apart; role partitions are shared, so role tests use a made-up role.
    static CurrentUser User(params string[] roles) =>
        new("u" + Guid.NewGuid().ToString("N")[..8], "王编辑", new HashSet<string>(roles));

    static string NewRole() => "Role" + Guid.NewGuid().ToString("N")[..8];

    static Notification Note(string recipient, string message, DateTimeOffset at, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), recipient, "reminder", "item-1", message, at);

    [Fact]
    public async Task Read_RoleNotification_IsVisibleToHoldersOfTheRoleOnly()
    {
        string role = NewRole();
        var reviewer = User(role);
        var editor = User(Roles.Editor);
        await _inbox.NotifyAsync(Note(Recipients.Role(role), "有一篇稿件待初审", Monday));

        var reviewerInbox = await _inbox.ReadAsync(reviewer);
        var editorInbox = await _inbox.ReadAsync(editor);

        Assert.Equal("有一篇稿件待初审", Assert.Single(reviewerInbox).Message);
        Assert.DoesNotContain(editorInbox, n => n.Message == "有一篇稿件待初审");
    }

    [Fact]
    public async Task Read_UserNotification_IsVisibleToThatUserOnly()
    {
        var editor = User();
        var other = User();
        await _inbox.NotifyAsync(Note(Recipients.User(editor.Id), "您的稿件已退回，请修改后重新提交", Monday));

        Assert.Single(await _inbox.ReadAsync(editor));
        Assert.Empty(await _inbox.ReadAsync(other));
    }

    [Fact]
    public async Task Notify_SameIdTwice_DeliversOnce()
    {
        var editor = User();
        var note = Note(Recipients.User(editor.Id), "稿件已发布", Monday, id: "published-item-1-v2");

        await _inbox.NotifyAsync(note);
        await _inbox.NotifyAsync(note with { At = Monday.AddMinutes(5) }); // a replayed activity with a later clock
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _inbox.NotifyAsync(note)));

        var stored = Assert.Single(await _inbox.ReadAsync(editor));
        Assert.Equal(note, stored);
    }

    [Fact]
    public async Task Read_MergesUserAndRoles_NewestFirst_UpToMax()
    {
        string roleA = NewRole(), roleB = NewRole();
        var user = User(roleA, roleB);
        await _inbox.NotifyAsync(Note(Recipients.Role(roleA), "第二条", Monday.AddHours(2)));
        await _inbox.NotifyAsync(Note(Recipients.User(user.Id), "第一条", Monday.AddHours(1)));
        await _inbox.NotifyAsync(Note(Recipients.Role(roleB), "第四条", Monday.AddDays(1)));
        await _inbox.NotifyAsync(Note(Recipients.User(user.Id), "第三条", Monday.AddHours(3)));

        var all = await _inbox.ReadAsync(user);
        var newestTwo = await _inbox.ReadAsync(user, max: 2);

        Assert.Equal(["第四条", "第三条", "第二条", "第一条"], all.Select(n => n.Message));
        Assert.Equal(["第四条", "第三条"], newestTwo.Select(n => n.Message));
    }

    [Fact]
    public async Task Notify_RecipientWithCharactersTablesForbid_IsStoredAndRead()
    {
        var user = new CurrentUser("dept/office#1?", "办公室", new HashSet<string>());

        await _inbox.NotifyAsync(Note(Recipients.User(user.Id), "提醒", Monday));

        Assert.Single(await _inbox.ReadAsync(user));
    }
}
