using System.Net;
using System.Text.Json.Nodes;
using Publishing.Host.Tests.Support;
using Publishing.Testing;

namespace Publishing.Host.Tests.Robustness;

/// <summary>
/// The product's storage (tables and blobs, behind a fault proxy) goes down for longer than the retry window while an
/// item waits for its reviewer; the task hub stays up. The workflow must park the item as NeedsAttention with an Admin
/// notice, not freeze it, and an Admin's resume must take it on to publication.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    const string RetryWindow = "00:00:08";
    static readonly TimeSpan Due = TimeSpan.FromSeconds(25);

    readonly StorageFaultProxy blob = new(StorageFaultProxy.PortOf(TestStorage.ConnectionString, "BlobEndpoint"));
    readonly StorageFaultProxy table = new(StorageFaultProxy.PortOf(TestStorage.ConnectionString, "TableEndpoint"));
    LocalHostProcess host = null!;

    public Task InitializeAsync()
    {
        host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = StorageFaultProxy.ConnectionStringThrough(TestStorage.ConnectionString, blob, table),
            ["Publishing__Durable__StorageConnection"] = TestStorage.ConnectionString,
            ["Publishing__Durable__StorageRetryWindow"] = RetryWindow,
            ["Publishing__Review__DueAfter"] = "00:00:25",
        });
        return host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await blob.DisposeAsync();
        await table.DisposeAsync();
    }

    bool StorageDown
    {
        set
        {
            blob.Down = value;
            table.Down = value;
        }
    }

    [Fact]
    public async Task StorageDownPastTheRetryWindow_ParksTheItemAsNeedsAttention_AndAResumeTakesItToPublication()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var admin = new ApiClient(host.BaseAddress, "admin1");
        string id = await editor.SubmitAsync(Submissions.Policy());
        var awaiting = await editor.WaitForStageAsync(id, "initial");
        DateTimeOffset dueAt = DateTimeOffset.Parse((string)awaiting["dueAt"]!);
        Assert.True(dueAt - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(5), $"the stage opened too long ago to test ({dueAt:O})");

        // The reminder at dueAt is the step that meets the outage.
        StorageDown = true;
        var read = await editor.Http.GetAsync($"api/items/{id}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.True(read.Headers.RetryAfter is not null, "a transient outage answers with Retry-After");

        var parked = JsonNode.Parse(await WaitForEngineStatusAsync(id, "NeedsAttention", dueAt + Due + TimeSpan.FromSeconds(90)))!;
        Assert.Contains("到期提醒", (string?)parked["reason"]);
        StorageDown = false;

        var item = await admin.WaitForItemAsync(id, i => (string?)i["status"] == "NeedsAttention", timeoutSeconds: 90);
        var inbox = await admin.GetJsonAsync("api/inbox");
        Assert.Contains(inbox["notifications"]!.AsArray(), n => (string?)n!["itemId"] == id && (string?)n["kind"] == "needs-attention");
        using var reviewer = new ApiClient(host.BaseAddress, "reviewer1");
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.ReviewAsync(id, "initial", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJsonAsync($"api/items/{id}/resume", new { })).StatusCode);

        var resumed = await admin.PostJsonAsync($"api/items/{id}/resume", new { });
        Assert.True(resumed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"resume → {(int)resumed.StatusCode}");
        await editor.WaitForStageAsync(id, "initial");
        // The parked step (the reminder) runs again after the resume and reaches the reviewers.
        var reminder = await WaitForNotificationAsync(reviewer, id, "reminder", TimeSpan.FromSeconds(90));
        Assert.NotNull(reminder);
        var audit = await admin.GetJsonAsync($"api/items/{id}/audit");
        Assert.Single(audit["entries"]!.AsArray(), e => (string?)e!["action"] == "reminder");
        Assert.True((bool)audit["verified"]!);

        foreach (var (stage, user) in new[] { ("initial", "reviewer1"), ("second", "reviewer2"), ("final", "reviewer3") })
        {
            using var client = new ApiClient(host.BaseAddress, user);
            await editor.WaitForStageAsync(id, stage);
            var decided = await client.ReviewAsync(id, stage, "approve");
            Assert.True(decided.StatusCode == HttpStatusCode.OK, $"{stage} → {(int)decided.StatusCode}: {await decided.Content.ReadAsStringAsync()}");
        }

        var published = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Contains((string?)published["status"], new[] { "Published", "PartiallyPublished" });
    }

    static async Task<JsonNode?> WaitForNotificationAsync(ApiClient client, string itemId, string kind, TimeSpan timeout)
    {
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

    async Task<string> WaitForEngineStatusAsync(string id, string expected, DateTimeOffset until)
    {
        string? last = null;
        while (DateTimeOffset.UtcNow < until)
        {
            last = (await EngineClient.GetInstanceAsync(host, id))?.SerializedCustomStatus;
            if (last is not null && last.Contains(expected, StringComparison.Ordinal))
            {
                return last;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"orchestration {id} never reported {expected}; last custom status: {last}\n{host.Output[^Math.Min(4000, host.Output.Length)..]}");
    }
}
