using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Audit;
using Publishing.Channels.Website;
using Publishing.Expiry;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Tests.Support;

namespace Publishing.Tests.Assets;

/// <summary>
/// A 公示 with <c>metadata.expiresAt</c> goes through the real submit → 终审 → publish chain and leaves the website
/// (page, lists, sitemap, feed) at that time on a durable timer, with an audit entry; social posts are not touched.
/// </summary>
public sealed class ExpiryTests : IAsyncLifetime
{
    static readonly CurrentUser Editor = new("editor-exp", "王编辑", new HashSet<string> { Roles.Editor });
    static readonly CurrentUser Final = new("final-exp", "陈终审", new HashSet<string> { Roles.FinalReviewer });

    readonly SignedIn signedIn = new();
    PublishingHarness harness = null!;

    public async Task InitializeAsync() => harness = await PublishingHarness.StartAsync(
        settings: new Dictionary<string, string?> { ["Publishing:Review:Stages:notice"] = "final" },
        configure: s => s.AddSingleton<ICurrentUserResolver>(signedIn));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    async Task<(int Status, JsonElement Body)> CallAsync(CurrentUser user, Func<HttpContext, Task<IResult>> handler, object body)
    {
        signedIn.User = user;
        using var scope = harness.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        context.Response.Body = new MemoryStream();
        await (await handler(context)).ExecuteAsync(context);
        string text = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        return (context.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    static object Notice(DateTimeOffset expiresAt) => new
    {
        kind = "notice",
        title = "关于拟推荐市级外贸示范企业名单的公示",
        bodyHtml = "<p>现将拟推荐企业名单予以公示，公示期内如有异议，请向市商务局反映。</p>",
        metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务", expiresAt },
        channels = new[] { "website", "weibo" },
    };

    async Task<string> FeedAsync()
    {
        var blob = harness.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("$web").GetBlobClient("feed.xml");
        return (await blob.DownloadContentAsync()).Value.Content.ToString();
    }

    [Fact]
    public async Task NoticeWithExpiresAt_LeavesTheWebsiteOnTime_WithAnAuditEntry_AndKeepsTheWeiboPost()
    {
        DateTimeOffset expiresAt = DateTimeOffset.UtcNow.AddSeconds(15);
        var (status, accepted) = await CallAsync(Editor, c => ItemsApi.Submit(c, harness.Client, default), Notice(expiresAt));
        Assert.Equal(202, status);
        string id = accepted.GetProperty("id").GetString()!;
        await harness.WaitForItemAsync(id, r => r.Status == ItemStatus.InReview);
        var (decided, _) = await CallAsync(Final, c => ReviewsApi.Decide(id, c, harness.Client, default), new
        {
            stage = "final", version = 1, decision = "approve", aspects = new { political = true, legal = true, confidentiality = true, textual = true },
        });
        Assert.True(decided is 200 or 202, $"decision: {decided}");

        await harness.WaitForItemAsync(id, r => r.Status == ItemStatus.Published);
        var website = harness.Services.GetRequiredService<WebsitePublisher>();
        Assert.True(DateTimeOffset.UtcNow < expiresAt, "published after the 公示期 had already ended: the test machine is too slow for this window");
        Assert.NotNull(await website.GetEntryAsync(id));
        Assert.Contains(id, await FeedAsync());

        var expired = await harness.WaitForItemAsync(id, r => r.ExpiredAt is not null, timeoutSeconds: 90);

        Assert.True(expired.ExpiredAt >= expiresAt, $"taken down at {expired.ExpiredAt:O}, before {expiresAt:O}");
        Assert.Null(await website.GetEntryAsync(id));
        Assert.DoesNotContain(id, await FeedAsync());
        Assert.False((await harness.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("$web")
            .GetBlobClient(SiteEntry.PathFor(id)).ExistsAsync()).Value);
        var trail = await harness.Services.GetRequiredService<AuditTrail>().ReadAsync(id);
        var entry = Assert.Single(trail.Entries, e => e.Action == ExpireFromWebsiteActivity.AuditAction);
        Assert.Contains("公示期届满", JsonDocument.Parse(entry.Details!).RootElement.GetProperty("reason").GetString());
        Assert.True(trail.Verified);
        Assert.Equal(ItemStatus.Published, expired.Status);
        Assert.Equal(ChannelState.Published, (await harness.Publications.GetAsync(id, 1, "weibo"))!.State);
        Assert.Equal(0, harness.Weibo.CallCount(Publishing.Testing.Fakes.WeiboFake.DestroyPath));
    }

    [Fact]
    public async Task ExpiresAtInThePast_IsRefusedAtSubmission()
    {
        var (status, problem) = await CallAsync(Editor, c => ItemsApi.Submit(c, harness.Client, default), Notice(DateTimeOffset.UtcNow.AddMinutes(-1)));

        Assert.Equal(400, status);
        Assert.Contains("公示截止时间", problem.GetProperty("errors").GetProperty("metadata.expiresAt")[0].GetString());
    }

    sealed class SignedIn : ICurrentUserResolver
    {
        public CurrentUser? User { get; set; }

        public CurrentUser? Resolve(HttpContext context) => User;
    }
}
