using System.Net;
using System.Text.Json.Nodes;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Review;

/// <summary>Stage deadlines with a short due time: reminder at due, escalation at twice it, cancelled by a decision.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    static readonly TimeSpan Due = TimeSpan.FromSeconds(8);

    // Durable timers ride on queue-message visibility, which has whole-second resolution: a timer may
    // fire a few milliseconds before its due instant.
    static readonly TimeSpan TimerResolution = TimeSpan.FromSeconds(1);
    readonly LocalHostProcess host = new(new Dictionary<string, string> { ["Publishing__Review__DueAfter"] = "00:00:08" });

    public Task InitializeAsync() => host.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    static async Task<JsonNode?> WaitForNotificationAsync(ApiClient client, string itemId, string kind, TimeSpan timeout)
    {
        // Looks at least once, so a zero timeout means "is it there now?".
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var inbox = await client.GetJsonAsync("api/inbox");
            var found = inbox["notifications"]!.AsArray().FirstOrDefault(n => (string?)n!["itemId"] == itemId && (string?)n["kind"] == kind);
            if (found is not null || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task UndecidedStage_RemindsReviewersAtDue_AndEscalatesToAdminAndNextLevelAtTwiceDue()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var initial = new ApiClient(host.BaseAddress, "reviewer1");
        using var second = new ApiClient(host.BaseAddress, "reviewer2");
        using var admin = new ApiClient(host.BaseAddress, "admin1");
        string id = await editor.SubmitAsync(Submissions.Policy());
        var awaiting = await editor.WaitForStageAsync(id, "initial");
        DateTimeOffset dueAt = DateTimeOffset.Parse((string)awaiting["dueAt"]!);

        var reminder = await WaitForNotificationAsync(initial, id, "reminder", TimeSpan.FromSeconds(60));
        Assert.NotNull(reminder);
        Assert.True(DateTimeOffset.Parse((string)reminder!["at"]!) >= dueAt - TimerResolution, $"reminder at {reminder["at"]} came before the due time {dueAt:O}");
        // Escalation is not sent with the reminder: if one is there already, it was sent at twice the due time.
        if (await WaitForNotificationAsync(admin, id, "escalation", TimeSpan.Zero) is { } early)
        {
            Assert.True(DateTimeOffset.Parse((string)early["at"]!) >= dueAt + Due - TimerResolution, $"escalation at {early["at"]} came with the reminder");
        }

        var escalation = await WaitForNotificationAsync(admin, id, "escalation", TimeSpan.FromSeconds(60));
        Assert.NotNull(escalation);
        Assert.True(DateTimeOffset.Parse((string)escalation!["at"]!) >= dueAt + Due - TimerResolution, $"escalation at {escalation["at"]} came before twice the due time {dueAt + Due:O}");
        Assert.NotNull(await WaitForNotificationAsync(second, id, "escalation", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task DecisionBeforeDue_CancelsThatStagesReminder()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var initial = new ApiClient(host.BaseAddress, "reviewer1");
        using var auditor = new ApiClient(host.BaseAddress, "auditor1");
        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");
        Assert.Equal(HttpStatusCode.OK, (await initial.ReviewAsync(id, "initial", "approve")).StatusCode);

        // Wait past the initial stage's due and escalation times.
        await Task.Delay(2 * Due + TimeSpan.FromSeconds(2));

        var audit = await auditor.GetJsonAsync($"api/items/{id}/audit");
        var stagesReminded = audit["entries"]!.AsArray()
            .Where(e => (string?)e!["action"] is "reminder" or "escalation")
            .Select(e => (string?)e!["stage"]).ToList();
        Assert.DoesNotContain("initial", stagesReminded);
        Assert.Contains("second", stagesReminded); // the next stage's own timer still runs
        Assert.Null(await WaitForNotificationAsync(initial, id, "reminder", TimeSpan.Zero));
    }
}
