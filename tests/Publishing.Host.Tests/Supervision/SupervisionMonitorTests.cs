using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Supervision;

/// <summary>The eternal monitors run in the local host, survive a SIGKILL, and never tell anyone twice.</summary>
public class SupervisionMonitorTests
{
    static readonly string Run = Guid.NewGuid().ToString("N")[..8];

    static Dictionary<string, string> Settings(string weChatAccount, string column, string category) => new()
    {
        ["Publishing__Review__DueAfter"] = "01:00:00",
        ["Publishing__Supervision__StalenessPeriod"] = "00:00:02",
        ["Publishing__Supervision__InterpretationPeriod"] = "00:00:03",
        ["Publishing__Supervision__PatrolPeriod"] = "00:00:03",
        ["Publishing__Supervision__Accounts__0__Name"] = weChatAccount,
        ["Publishing__Supervision__Accounts__0__Owner"] = "editor1",
        ["Publishing__Supervision__Accounts__0__Channel"] = "wechat",
        ["Publishing__Supervision__Accounts__1__Name"] = column,
        ["Publishing__Supervision__Accounts__1__Owner"] = "editor2",
        ["Publishing__Supervision__Accounts__1__Channel"] = "website",
        ["Publishing__Supervision__Accounts__1__Category"] = category,
    };

    static async Task<List<JsonNode>> InboxAsync(ApiClient client, string text) =>
        (await client.GetJsonAsync("api/inbox"))["notifications"]!.AsArray()
            .Where(n => ((string)n!["message"]!).Contains(text, StringComparison.Ordinal)).Select(n => n!).ToList();

    static async Task<List<JsonNode>> WaitForInboxAsync(ApiClient client, string text, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<JsonNode> found = [];
        while (DateTime.UtcNow < deadline && (found = await InboxAsync(client, text)).Count < count)
        {
            await Task.Delay(500);
        }

        Assert.True(found.Count >= count, $"inbox has {found.Count} messages about {text}");
        return found;
    }

    [Fact]
    public async Task StalenessAlarms_SurviveARestart_AndEachIsDeliveredOnce()
    {
        // A website column with its own category: other tests' publications cannot reset it (the WeChat account
        // is one per deployment and shared by every test on this storage).
        string account = $"测试栏目{Run}a";
        await using var host = new LocalHostProcess(Settings($"测试政务微信{Run}a", account, $"栏目{Run}a"));
        await host.StartAsync();
        using var admin = new ApiClient(host.BaseAddress, "admin1");
        using var owner = new ApiClient(host.BaseAddress, "editor2");

        await WaitForInboxAsync(admin, account, 1);
        await WaitForInboxAsync(owner, account, 1);

        host.Kill();
        int roundsBefore = Regex.Matches(host.Output, "Supervision round CheckStalenessActivity").Count;
        await host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Regex.Matches(host.Output, "Supervision round CheckStalenessActivity").Count < roundsBefore + 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.True(Regex.Matches(host.Output, "Supervision round CheckStalenessActivity").Count >= roundsBefore + 3, "the monitor did not keep running after the restart");
        Assert.Single(await InboxAsync(admin, account));
        Assert.Single(await InboxAsync(owner, account));
        // Sent once in total, not re-sent (and de-duplicated) on every round or after the restart.
        Assert.Single(Regex.Matches(host.Output, Regex.Escape($"Notification staleness|{account}|alarm|never|role:Admin")));

        using var auditor = new ApiClient(host.BaseAddress, "auditor1");
        var accounts = (await auditor.GetJsonAsync("api/supervision/accounts"))["accounts"]!.AsArray();
        var state = accounts.Single(a => (string?)a!["name"] == account)!;
        Assert.Equal("alarm", (string?)state["level"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("api/supervision/accounts")).StatusCode);
    }

    [Fact]
    public async Task PublishingResetsTheColumn_AndAnInterpretationMovesItsPolicyToDone()
    {
        string column = $"测试栏目{Run}b", category = $"栏目{Run}b";
        await using var host = new LocalHostProcess(Settings($"测试政务微信{Run}b", column, category));
        await host.StartAsync();
        using var auditor = new ApiClient(host.BaseAddress, "auditor1");
        using var editor = new ApiClient(host.BaseAddress, "editor1");

        var before = (await auditor.GetJsonAsync("api/supervision/accounts"))["accounts"]!.AsArray().Single(a => (string?)a!["name"] == column)!;
        Assert.Equal("alarm", (string?)before["level"]);

        string policyId = await ReviewFlow.ApproveAllAsync(host.BaseAddress, Submission("policy", $"关于{category}的若干措施", category));
        await ReviewFlow.WaitForPublishedAsync(editor, policyId);

        var after = (await auditor.GetJsonAsync("api/supervision/accounts"))["accounts"]!.AsArray().Single(a => (string?)a!["name"] == column)!;
        Assert.Equal(("ok", 0), ((string?)after["level"], (int)after["days"]!));
        var pending = (await auditor.GetJsonAsync("api/supervision/interpretations"))["pending"]!.AsArray();
        Assert.Contains(pending, p => (string?)p!["policyId"] == policyId && p["dueDate"] is not null);

        string interpretationId = await ReviewFlow.ApproveAllAsync(host.BaseAddress,
            Submission("interpretation", $"《关于{category}的若干措施》政策解读", category, policyId));
        await ReviewFlow.WaitForPublishedAsync(editor, interpretationId);
        var done = (await auditor.GetJsonAsync("api/supervision/interpretations"))["done"]!.AsArray();
        var entry = done.Single(d => (string?)d!["policyId"] == policyId)!;
        Assert.Equal(interpretationId, (string?)entry["interpretationId"]);

        // The annual figures: bad year → Chinese problem; CSV opens in Excel (BOM) with Chinese headers.
        var bad = await auditor.Http.GetAsync("api/reports/annual?year=20x5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("年份", (string?)(await ApiClient.ReadJsonAsync(bad))["detail"]);
        int year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var csv = await auditor.Http.GetAsync($"api/reports/annual?year={year}&format=csv");
        byte[] bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("年度,指标,项目,数值", Encoding.UTF8.GetString(bytes[3..]));
        var json = await auditor.GetJsonAsync($"api/reports/annual?year={year}");
        Assert.True((int)json["byKind"]!["policy"]! >= 1 && (int)json["byKind"]!["interpretation"]! >= 1);
    }

    static object Submission(string kind, string title, string category, string? interpretsItemId = null) => new
    {
        kind,
        title,
        bodyHtml = Submissions.DefaultBody,
        metadata = new
        {
            publisher = "临沂市商务局",
            orgCode = "1123045263",
            disclosureMode = "主动公开",
            category,
            validity = "有效",
            writtenDate = "2026-03-02",
            documentNumber = kind == "policy" ? "临商务字〔2026〕3号" : null,
        },
        channels = new[] { "website" },
        interpretsItemId,
    };
}
