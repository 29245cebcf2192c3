using System.Net;
using System.Text.Json.Nodes;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Supervision;

/// <summary>表述错误预警: a rule added after publication makes the next patrol report the published item, once.</summary>
public sealed class PatrolTests : IAsyncDisposable
{
    const string Term = "巡查试验旧称谓";
    readonly string rules = Path.Combine(Path.GetTempPath(), "publishing-rules-" + Guid.NewGuid().ToString("N")[..8]);
    readonly LocalHostProcess host;

    public PatrolTests()
    {
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "functions", "Publishing", "Checks", "Rules"), rules);
        host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["Publishing__Review__DueAfter"] = "01:00:00",
            ["Checks__RulesPath"] = rules,
            ["Publishing__Supervision__PatrolPeriod"] = "00:00:03",
        });
    }

    static async Task<JsonNode?> LatestPatrolAsync(ApiClient auditor)
    {
        var response = await auditor.Http.GetAsync("api/supervision/patrol");
        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    static async Task<JsonNode> PatrolAfterAsync(ApiClient auditor, DateTimeOffset after)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await LatestPatrolAsync(auditor) is { } report && DateTimeOffset.Parse((string)report["at"]!) > after)
            {
                return report;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"no patrol after {after:O}");
    }

    static IEnumerable<JsonNode> NewFindingsOf(JsonNode report, string itemId) =>
        report["items"]!.AsArray().Where(i => (string?)i!["itemId"] == itemId).SelectMany(i => i!["newFindings"]!.AsArray()).Select(f => f!);

    [Fact]
    public async Task AddedRule_NextPatrolReportsThePublishedItem_AndAnUnchangedRuleSetReportsNothingNew()
    {
        await host.StartAsync();
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var auditor = new ApiClient(host.BaseAddress, "auditor1");
        string id = await ReviewFlow.ApproveAllAsync(host.BaseAddress, new
        {
            kind = "news",
            title = "商务局召开工作例会",
            bodyHtml = $"<p>会议通报了{Term}的使用情况，并部署下一阶段工作。</p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
            channels = new[] { "website" },
        });
        var published = await editor.WaitForItemAsync(id, i => (string?)i["status"] == "Published");
        var first = await PatrolAfterAsync(auditor, DateTimeOffset.Parse((string)published["updatedAt"]!));
        Assert.Empty(NewFindingsOf(first, id));

        // An administrator adds a wording rule (data, no code) and the service restarts.
        host.Kill();
        File.AppendAllText(Path.Combine(rules, "political.tsv"),
            $"political.test-wording\tpolitical\twarn\tterm\t{Term}\t巡查试验新称谓\t“{{term}}”已停用，应使用“{{suggestion}}”。请修改。\n");
        DateTimeOffset restarted = DateTimeOffset.UtcNow;
        await host.StartAsync();

        var afterRule = await PatrolAfterAsync(auditor, restarted);
        var finding = Assert.Single(NewFindingsOf(afterRule, id));
        Assert.Equal("political.test-wording", (string?)finding["ruleId"]);
        Assert.Equal(Term, (string?)finding["excerpt"]);

        var next = await PatrolAfterAsync(auditor, DateTimeOffset.Parse((string)afterRule["at"]!));
        Assert.Empty(NewFindingsOf(next, id));
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(rules, recursive: true);
    }

    static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
