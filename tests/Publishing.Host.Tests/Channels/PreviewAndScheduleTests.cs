using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Publishing.Host.Tests.Support;
using Publishing.Testing;

namespace Publishing.Host.Tests.Channels;

/// <summary>Without channel credentials nothing leaves the machine; scheduled publication waits on a durable timer.</summary>
[Collection(SharedHostCollection.Name)]
public class PreviewAndScheduleTests(SharedHost host)
{
    static object News(string title, DateTimeOffset? publishAt = null) => new
    {
        kind = "news",
        title,
        bodyHtml = "<p>临沂市商务局组织开展“外贸服务月”活动，为企业提供政策咨询服务。</p>",
        metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务", wechatTitle = "外贸服务月活动启动" },
        channels = new[] { "website", "wechat", "weibo" },
        publishAt,
    };

    [Fact]
    public async Task PreviewMode_StoresTheExactRequestsInTheOutbox_AndNeverSaysPublished()
    {
        using var editor = host.As("editor1");
        string id = await ReviewFlow.ApproveAllAsync(host.Process.BaseAddress, News("临沂市商务局启动外贸服务月活动"));

        var item = await ReviewFlow.WaitForPublishedAsync(editor, id);
        var outbox = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient("outbox");
        foreach (string channel in new[] { "wechat", "weibo" })
        {
            var publication = item["publications"]![channel]!;
            Assert.Equal("previewed", (string?)publication["state"]);
            Assert.Equal($"outbox/{channel}/{id}-v1.json", (string?)publication["outboxBlob"]);
        }

        var wechatRequest = JsonNode.Parse((await outbox.GetBlobClient($"wechat/{id}-v1.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.EndsWith("/cgi-bin/draft/add", (string?)wechatRequest["url"]);
        var article = wechatRequest["body"]!["articles"]![0]!;
        Assert.Equal("外贸服务月活动启动", (string?)article["title"]);
        Assert.EndsWith($"/site/articles/{id}.html", (string?)article["content_source_url"]);
        var weiboRequest = JsonNode.Parse((await outbox.GetBlobClient($"weibo/{id}-v1.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Contains($"/site/articles/{id}.html", (string?)weiboRequest["form"]!["status"]);
        Assert.Contains("临沂市商务局启动外贸服务月活动", (string?)weiboRequest["form"]!["status"]);
    }

    [Fact]
    public async Task ScheduledItem_WaitsForPublishAt_ThenPublishes()
    {
        using var editor = host.As("editor1");
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(25);
        string id = await ReviewFlow.ApproveAllAsync(host.Process.BaseAddress, News("定时发布：商务局周末便民服务安排", publishAt));

        var scheduled = await editor.WaitForItemAsync(id, i => (string?)i["status"] == "Scheduled");
        Assert.Empty(scheduled["publications"]!.AsObject());

        var published = await editor.WaitForItemAsync(id, i => (string?)i["status"] == "Published", 120);
        DateTimeOffset websiteAt = DateTimeOffset.Parse((string)published["publications"]!["website"]!["updatedAt"]!);
        Assert.True(websiteAt >= publishAt - TimeSpan.FromSeconds(1), $"published at {websiteAt:O}, before {publishAt:O}");
    }

    [Fact]
    public async Task ScheduledItem_CancelledBySubmitter_IsNotPublished()
    {
        using var editor = host.As("editor1");
        using var otherEditor = host.As("editor2");
        string id = await ReviewFlow.ApproveAllAsync(host.Process.BaseAddress, News("定时发布：将被取消的通知", DateTimeOffset.UtcNow.AddMinutes(30)));
        await editor.WaitForItemAsync(id, i => (string?)i["status"] == "Scheduled");

        Assert.Equal(HttpStatusCode.Forbidden, (await otherEditor.PostJsonAsync($"api/items/{id}/schedule/cancel", new { })).StatusCode);
        var cancelled = await editor.PostJsonAsync($"api/items/{id}/schedule/cancel", new { });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Approved", (string?)(await ApiClient.ReadJsonAsync(cancelled))["status"]);
        var audit = await editor.GetJsonAsync($"api/items/{id}/audit");
        Assert.Contains(audit["entries"]!.AsArray(), e => (string?)e!["action"] == "schedule-cancelled");
        Assert.Empty((await editor.GetJsonAsync($"api/items/{id}"))["publications"]!.AsObject());
    }
}
