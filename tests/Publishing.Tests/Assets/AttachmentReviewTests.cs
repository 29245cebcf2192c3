using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Assets;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Tests.Support;

namespace Publishing.Tests.Assets;

/// <summary>
/// An item submitted with attachments through the real handler and review workflow: the attachment's findings count
/// like the body's, external images are re-hosted, and the stored version names each file by its SHA-256.
/// </summary>
public sealed class AttachmentReviewTests : IAsyncLifetime
{
    static readonly CurrentUser Editor = new("editor-att", "王编辑", new HashSet<string> { Roles.Editor });
    static readonly CurrentUser Initial = new("initial-att", "李初审", new HashSet<string> { Roles.InitialReviewer });

    readonly SignedIn signedIn = new();
    PublishingHarness harness = null!;

    public async Task InitializeAsync() =>
        harness = await PublishingHarness.StartAsync(configure: s => s.AddSingleton<ICurrentUserResolver>(signedIn));

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

    async Task<AssetRecord> UploadAsync(string fileName, byte[] content) =>
        Assert.IsType<AssetService.Stored>(await harness.Services.GetRequiredService<AssetService>().StoreAsync(Editor, fileName, content, default)).Asset;

    object Submission(string bodyHtml, params object[] attachments) => new
    {
        kind = "notice",
        title = "关于公布2025年度外贸补贴名单的公示",
        bodyHtml,
        metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
        channels = new[] { "website" },
        attachments,
    };

    [Fact]
    public async Task BlockInAnAttachment_IsRecordedWithItsPage_AndPreventsApproval()
    {
        var pdf = await UploadAsync("补贴名单.pdf", TestDocuments.PdfWithIdNumberOnPage2());

        var (status, accepted) = await CallAsync(Editor, c => ItemsApi.Submit(c, harness.Client, default),
            Submission("<p>现将2025年度外贸补贴名单予以公示，详见附件。</p>", new { assetId = pdf.Id, title = "补贴名单" }));

        Assert.Equal(202, status);
        string id = accepted.GetProperty("id").GetString()!;
        var item = await harness.WaitForItemAsync(id, r => r.Status == ItemStatus.InReview && r.FindingsVersion == 1);
        Assert.True(item.BlockFindings >= 1, $"block findings: {item.BlockFindings}");
        var findings = await harness.Services.GetRequiredService<FindingsStore>().GetAsync(id, 1);
        var idCard = Assert.Single(findings, f => f.RuleId == "confidentiality.personal-data.id-card");
        Assert.Equal(new FindingSource(pdf.Id, "补贴名单.pdf", Page: 2), idCard.Source);

        var (decision, problem) = await CallAsync(Initial, c => ReviewsApi.Decide(id, c, harness.Client, default), new
        {
            stage = "initial", version = 1, decision = "approve",
            aspects = new { political = true, legal = true, confidentiality = true, textual = true },
        });

        Assert.Equal(409, decision);
        Assert.Contains("阻断性问题", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StoredVersion_NamesEachAttachmentBySha256_AndHasNoExternalImage()
    {
        var xlsx = await UploadAsync("名单.xlsx", TestDocuments.XlsxWithMobilesInColumnB());

        var (status, accepted) = await CallAsync(Editor, c => ItemsApi.Submit(c, harness.Client, default),
            Submission($"<p>名单见附件。</p><p><img src=\"{harness.ExternalImageUrl}\" alt=\"公示现场\"></p>", new { assetId = xlsx.Id }));

        Assert.Equal(202, status);
        string id = accepted.GetProperty("id").GetString()!;
        var stored = (await harness.Services.GetRequiredService<ContentStore>().GetVersionAsync(id, 1))!;
        var document = VersionDocument.FromJson(stored.MetadataJson);
        var attachment = Assert.Single(document.Attachments!);
        Assert.Equal((xlsx.Id, xlsx.Sha256, "名单"), (attachment.AssetId, attachment.Sha256, attachment.Title));
        Assert.DoesNotContain("127.0.0.1", stored.SanitizedHtml);
        Assert.Matches("<img src=\"/api/assets/[0-9a-f]{32}/content\"", stored.SanitizedHtml);
    }

    [Fact]
    public async Task UnknownAttachment_Is400AndNoItemIsCreated()
    {
        var (status, problem) = await CallAsync(Editor, c => ItemsApi.Submit(c, harness.Client, default),
            Submission("<p>名单见附件。</p>", new { assetId = "0123456789abcdef0123456789abcdef" }));

        Assert.Equal(400, status);
        Assert.Contains("不存在", problem.GetProperty("errors").GetProperty("attachments[0].assetId")[0].GetString());
    }

    sealed class SignedIn : ICurrentUserResolver
    {
        public CurrentUser? User { get; set; }

        public CurrentUser? Resolve(HttpContext context) => User;
    }
}
