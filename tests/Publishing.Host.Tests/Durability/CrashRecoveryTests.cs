using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using Publishing.Host.Tests.Support;
using Publishing.Lifecycle;
using Publishing.Workflow;

namespace Publishing.Host.Tests.Durability;

/// <summary>
/// The local host is SIGKILLed and started again on the same task hub: durable state lives in Azure Storage
/// (Azurite), so the review continues where it stood and nothing that already happened happens twice.
/// </summary>
public class CrashRecoveryTests
{
    [Fact]
    public async Task KilledWhileAwaiting复审_RestartAndApprove_CompletesWithoutRepeatingWork()
    {
        await using var host = new LocalHostProcess(new Dictionary<string, string> { ["Publishing__Review__DueAfter"] = "01:00:00" });
        await host.StartAsync();
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var initial = new ApiClient(host.BaseAddress, "reviewer1");
        using var second = new ApiClient(host.BaseAddress, "reviewer2");
        using var final = new ApiClient(host.BaseAddress, "reviewer3");
        using var auditor = new ApiClient(host.BaseAddress, "auditor1");

        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");
        Assert.Equal(HttpStatusCode.OK, (await initial.ReviewAsync(id, "initial", "approve")).StatusCode);
        await editor.WaitForStageAsync(id, "second");
        var before = await auditor.GetJsonAsync($"api/items/{id}/audit");

        host.Kill();
        await host.StartAsync();

        // The engine may need a moment to take over the dead process's queues: accept "still processing".
        var decided = await second.ReviewAsync(id, "second", "approve");
        Assert.Contains(decided.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        await editor.WaitForStageAsync(id, "final");
        Assert.Equal(HttpStatusCode.OK, (await final.ReviewAsync(id, "final", "approve")).StatusCode);
        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);

        // The item shows its final status a moment before the orchestrations that set it complete.
        var instance = await EngineClient.GetInstanceAsync(host, id);
        for (int i = 0; i < 100 && instance?.RuntimeStatus == OrchestrationRuntimeStatus.Running; i++)
        {
            await Task.Delay(200);
            instance = await EngineClient.GetInstanceAsync(host, id);
        }

        Assert.NotNull(instance);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var output = instance.ReadOutputAs<ItemOutcome>()!;
        Assert.Equal(ItemStatus.Published, output.Status);
        Assert.Equal(1, output.Version);
        Assert.Equal((string?)item["contentHash"], output.ContentHash);

        // No audit entry lost or duplicated; entries written before the kill are unchanged.
        var after = await auditor.GetJsonAsync($"api/items/{id}/audit");
        Assert.True((bool)after["verified"]!);
        var eventIds = after["entries"]!.AsArray().Select(e => (string)e!["eventId"]!).ToList();
        Assert.Equal(eventIds.Count, eventIds.Distinct().Count());
        Assert.Equal(before["entries"]!.ToJsonString(), new JsonArray(after["entries"]!.AsArray().Take(before["entries"]!.AsArray().Count).Select(e => e!.DeepClone()).ToArray()).ToJsonString());
        Assert.Equal(3, eventIds.Count(e => e.EndsWith("-opened")));

        // Activities that finished before the kill did not run again (each execution logs one line).
        Assert.Single(Regex.Matches(host.Output, $"Checked item {id} v1:"));
        Assert.Single(Regex.Matches(host.Output, $"Recorded stage-opened event v1-initial-opened of item {id}"));
        Assert.Single(Regex.Matches(host.Output, $"Recorded stage-opened event v1-second-opened of item {id}"));
    }

    [Fact]
    public async Task ReminderTimerThatExpiresWhileTheHostIsDown_FiresAfterRestart()
    {
        await using var host = new LocalHostProcess(new Dictionary<string, string> { ["Publishing__Review__DueAfter"] = "00:00:06" });
        await host.StartAsync();
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var reviewer = new ApiClient(host.BaseAddress, "reviewer1");

        string id = await editor.SubmitAsync(Submissions.Policy());
        var awaiting = await editor.WaitForStageAsync(id, "initial");
        host.Kill();

        DateTimeOffset dueAt = DateTimeOffset.Parse((string)awaiting["dueAt"]!);
        TimeSpan untilDue = dueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue);
        }

        Assert.DoesNotContain($"Recorded reminder event v1-initial-reminder of item {id}", host.Output);
        await host.StartAsync();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonNode? reminder = null;
        while (reminder is null && DateTime.UtcNow < deadline)
        {
            var inbox = await reviewer.GetJsonAsync("api/inbox");
            reminder = inbox["notifications"]!.AsArray().FirstOrDefault(n => (string?)n!["itemId"] == id && (string?)n["kind"] == "reminder");
            await Task.Delay(500);
        }

        Assert.True(reminder is not null, "no reminder after restart; host output:\n" + host.Output);
        Assert.Contains("初审", (string?)reminder!["message"]);
    }
}
