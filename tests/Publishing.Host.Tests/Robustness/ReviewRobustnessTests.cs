using System.Net;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Host.Tests.Support;
using Publishing.Lifecycle;

namespace Publishing.Host.Tests.Robustness;

/// <summary>Decisions bound to the version read, the largest legal item through many rounds, and a flood of identical decisions.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReviewRobustnessTests(SharedHost host)
{
    static string Chinese(int length) => string.Concat(Enumerable.Range(0, length).Select(i => "审核意见请修改第二段表述并核对数据"[i % 17]));

    [Fact]
    public async Task ADecision_WithdrawOrRevision_OnAnotherVersionThanTheCurrent_Is409_AndWithoutAVersion400()
    {
        using var editor = host.As("editor1");
        using var initial = host.As("reviewer1");
        using var second = host.As("reviewer2");
        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");

        var stale = await initial.ReviewAsync(id, "initial", "approve", version: 2);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("刷新", (string?)(await ApiClient.ReadJsonAsync(stale))["detail"]);
        var missing = await initial.PostJsonAsync($"api/items/{id}/reviews", new
        {
            stage = "initial", decision = "approve",
            aspects = new { political = true, legal = true, confidentiality = true, textual = true },
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await ApiClient.ReadJsonAsync(missing))["errors"]!.AsObject().ContainsKey("version"));
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostJsonAsync($"api/items/{id}/withdraw", new { version = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostJsonAsync($"api/items/{id}/withdraw", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await initial.ReviewAsync(id, "initial", "approve", version: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.ReviewAsync(id, "second", "reject", "请修改第二段。", allAspects: false, version: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PutJsonAsync($"api/items/{id}", Submissions.Policy(version: 2))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PutJsonAsync($"api/items/{id}", Submissions.Policy())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await editor.PutJsonAsync($"api/items/{id}", Submissions.Policy(version: 1))).StatusCode);

        // A reviewer who read v1 cannot approve v2.
        await editor.WaitForStageAsync(id, "initial", version: 2);
        Assert.Equal(HttpStatusCode.Conflict, (await initial.ReviewAsync(id, "initial", "approve", version: 1)).StatusCode);
        var item = await editor.GetJsonAsync($"api/items/{id}");
        Assert.Equal("InReview", (string?)item["status"]);
        Assert.Equal(2, (int)item["version"]!);
    }

    [Fact]
    public async Task TheLargestLegalItem_ThroughFourRevisionRounds_WithLongestCommentsAtTwoStages_StillPublishes()
    {
        using var editor = host.As("editor1");
        using var initial = host.As("reviewer1");
        using var second = host.As("reviewer2");
        using var final = host.As("reviewer3");
        object Largest(int? version) => new
        {
            version,
            kind = "policy",
            title = Chinese(200),
            bodyHtml = "<h2>一、总体要求</h2><p>" + Chinese(20_000) + "</p>",
            metadata = new
            {
                publisher = Chinese(100), orgCode = "112304526300000000", documentNumber = "临政办字〔2023〕45号",
                disclosureMode = "主动公开", category = Chinese(50), validity = Chinese(20), writtenDate = "2023-06-20",
                wechatTitle = Chinese(32),
            },
            channels = new[] { "website", "wechat", "weibo" },
        };

        string id = await editor.SubmitAsync(Largest(null));
        for (int version = 1; version <= 5; version++)
        {
            await editor.WaitForStageAsync(id, "initial", version);
            var approved = await initial.ReviewAsync(id, "initial", "approve", Chinese(2000), version: version);
            Assert.True(approved.StatusCode == HttpStatusCode.OK, $"v{version} 初审 → {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync()}");
            if (version == 5)
            {
                break;
            }

            var rejected = await second.ReviewAsync(id, "second", "reject", Chinese(2000), allAspects: false, version: version);
            Assert.True(rejected.StatusCode == HttpStatusCode.OK, $"v{version} 复审 → {(int)rejected.StatusCode}: {await rejected.Content.ReadAsStringAsync()}");
            var put = await editor.PutJsonAsync($"api/items/{id}", Largest(version));
            Assert.True(put.StatusCode == HttpStatusCode.Accepted, $"v{version} PUT → {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(HttpStatusCode.OK, (await second.ReviewAsync(id, "second", "approve", Chinese(2000), version: 5)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await final.ReviewAsync(id, "final", "approve", Chinese(2000), version: 5)).StatusCode);
        var published = await ReviewFlow.WaitForPublishedAsync(editor, id);
        Assert.Contains((string?)published["status"], new[] { "Published", "PartiallyPublished" });
        var reviews = published["reviews"]!.AsArray();
        Assert.Equal(11, reviews.Count);
        Assert.All(reviews, r => Assert.Equal(2000, ((string?)r!["comment"])!.Length));
    }

    [Fact]
    public async Task ElevenHundredIdenticalDecisionsReachingTheWorkflow_AreDropped_AndTheItemStillCompletes()
    {
        using var editor = host.As("editor1");
        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");

        // What passes the read-model check before it updates reaches the workflow: raise them straight to the engine.
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Process.SidecarPort}");
        var services = new ServiceCollection().AddLogging();
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(channel);
            builder.RegisterDirectly();
        });
        await using var provider = services.BuildServiceProvider();
        var durable = provider.GetRequiredService<DurableTaskClient>();
        var decision = new ItemCommand(ItemCommandType.Review, "flood", "reviewer1", "张初审", 1, DateTimeOffset.UtcNow,
            "initial", Decisions.Approve, new ReviewAspects(true, true, true, true));
        for (int batch = 0; batch < 11; batch++)
        {
            await Task.WhenAll(Enumerable.Range(batch * 100, 100).Select(i =>
                durable.RaiseEventAsync(id, ItemCommand.EventName, decision with { CommandId = $"flood-{i}" })));
        }

        await editor.WaitForStageAsync(id, "second");
        using var second = host.As("reviewer2");
        using var final = host.As("reviewer3");
        // The flood may still be draining behind the read model: the decision is taken (200) or queued behind it (202).
        Assert.Contains((await second.ReviewAsync(id, "second", "approve")).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        await editor.WaitForItemAsync(id, i => (string?)i["stage"] == "final", timeoutSeconds: 180);
        Assert.Equal(HttpStatusCode.OK, (await final.ReviewAsync(id, "final", "approve")).StatusCode);
        var published = await ReviewFlow.WaitForPublishedAsync(editor, id, timeoutSeconds: 180);

        Assert.Single(published["reviews"]!.AsArray(), r => (string?)r!["stage"] == "initial");
        // The read model shows the publication a moment before the item orchestration returns.
        using var completion = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instance = await durable.WaitForInstanceCompletionAsync(id, completion.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
    }
}
