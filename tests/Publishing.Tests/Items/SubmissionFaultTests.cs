using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Audit;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Tests.Support;

namespace Publishing.Tests.Items;

/// <summary>
/// A submission whose request fails at each of its storage steps (an injected 503 from "the service") leaves no orphan:
/// before the orchestration is scheduled nothing is visible and no 索引号 is used; after it the orchestration finishes the
/// submission by itself; and the same Idempotency-Key completes it with one 索引号 either way.
/// </summary>
public sealed class SubmissionFaultTests : IAsyncLifetime
{
    static readonly CurrentUser Editor = new("editor1", "王编辑", new HashSet<string> { Roles.Editor });

    /// <summary>Set around the request's own calls, so a fault hits the request and never the orchestration running beside it.</summary>
    static readonly AsyncLocal<bool> InRequest = new();
    PublishingHarness harness = null!;

    public async Task InitializeAsync() => harness = await PublishingHarness.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Publishing:Review:DueAfter"] = "01:00:00",
    });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    static bool BlobWrite(HttpMessage m, string file) =>
        m.Request.Method == RequestMethod.Put && Uri.UnescapeDataString(m.Request.Uri.Path).EndsWith("/v1/" + file, StringComparison.Ordinal);

    static bool TableInsert(HttpMessage m, string table) =>
        m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("/" + table, StringComparison.Ordinal);

    static bool BatchFor(HttpMessage m, string table)
    {
        if (m.Request.Method != RequestMethod.Post || !m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || m.Request.Content is null)
        {
            return false;
        }

        using var buffer = new MemoryStream();
        m.Request.Content.WriteTo(buffer, default);
        // An insert is "POST …/Table?… HTTP/1.1" (or without a query), a replace "PUT …/Table(PartitionKey=…)".
        string body = Encoding.UTF8.GetString(buffer.ToArray());
        return new[] { "(", "?", " " }.Any(next => body.Contains("/" + table + next, StringComparison.Ordinal));
    }

    public static TheoryData<string, bool> Steps => new()
    {
        // step, whether the orchestration was scheduled before it
        { "original.html", false },
        { "sanitized.html", false },
        { "findings.json", false },
        { "row", true },
        { "index-number", true },
        { "metadata.json", true },
        { "row-update", true },
        { "audit", true },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task ASubmissionFailingAtAStep_LeavesNoOrphan_AndTheSameKeyCompletesItWithOneIndexNumber(string step, bool scheduledBefore)
    {
        string key = Guid.NewGuid().ToString();
        string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("editor1\n" + key)))[..32];
        string orgCode = "8" + Random.Shared.Next(100_000_000, 999_999_999);
        var request = new SubmissionRequest("policy", "临沂市商务局关于印发《2025年政务公开工作要点》的通知",
            "<p>各科室要按照要求，做好政府信息公开工作，及时回应社会关切。</p>",
            new ItemMetadata("临沂市商务局", orgCode, null, DisclosureModes.Proactive, "商务", "有效", "2025-06-20"),
            ["website"], null, null, null);
        Func<HttpMessage, bool> matches = step switch
        {
            "row" => m => TableInsert(m, "Items"),
            "index-number" => m => BatchFor(m, "Counters"),
            "row-update" => m => StorageFaults.IsTableWrite(m, "Items") && m.Request.Method == RequestMethod.Put,
            "audit" => m => BatchFor(m, "AuditTrail"),
            _ => m => BlobWrite(m, step),
        };
        var faults = step is "row" or "index-number" or "row-update" or "audit" ? harness.TableFaults : harness.BlobFaults;
        var submissions = harness.Services.GetRequiredService<SubmissionService>();

        faults.Fail(m => InRequest.Value && matches(m));
        // The orchestration's first step runs beside the request: it waits at the same step until the request failed
        // there, as when the request's process dies first.
        var requestFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        faults.Hold(m => !InRequest.Value && matches(m), requestFailed.Task);
        var failed = await Record.ExceptionAsync(async () =>
        {
            InRequest.Value = true;
            await submissions.SubmitAsync(Editor, request, key, harness.Client, default);
        });
        requestFailed.SetResult();
        Assert.NotNull(failed);
        Assert.Equal(1, faults.Injected);

        if (scheduledBefore)
        {
            // Nobody retries: the orchestration finishes the submission and opens 初审 by itself.
            var finished = await harness.WaitForItemAsync(id, r => r.Status == ItemStatus.InReview && r.IndexNumber is not null);
            Assert.EndsWith("-0000001", finished.IndexNumber);
        }
        else
        {
            Assert.Null(await harness.Items.GetAsync(id));
            Assert.Null(await harness.Client.GetInstanceAsync(id));
        }

        var retried = await submissions.SubmitAsync(Editor, request, key, harness.Client, default);

        var accepted = Assert.IsType<SubmissionService.Accepted>(retried);
        Assert.Equal(id, accepted.Item.Id);
        var item = await harness.WaitForItemAsync(id, r => r.Status == ItemStatus.InReview && r.IndexNumber is not null);
        Assert.Equal($"{orgCode}/xxgk/{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year}-0000001", item.IndexNumber);
        var trail = await harness.Services.GetRequiredService<AuditTrail>().ReadAsync(id);
        Assert.Single(trail.Entries, e => e.Action == AuditActions.Submitted);
        Assert.Single(trail.Entries, e => e.Action == AuditActions.ChecksRun);
        Assert.True(trail.Verified);
    }

    [Fact]
    public async Task TheSameKeyWithDifferentContent_IsRefused_AndTheFirstSubmissionStands()
    {
        string key = Guid.NewGuid().ToString();
        var submissions = harness.Services.GetRequiredService<SubmissionService>();
        var request = new SubmissionRequest("news", "座谈会召开", "<p>正文</p>",
            new ItemMetadata("临沂市商务局", "1123045263", null, DisclosureModes.Proactive), ["website"], null, null, null);

        var first = Assert.IsType<SubmissionService.Accepted>(await submissions.SubmitAsync(Editor, request, key, harness.Client, default));
        var again = await submissions.SubmitAsync(Editor, request with { Title = "另一篇稿件" }, key, harness.Client, default);

        Assert.IsType<SubmissionService.KeyReused>(again);
        Assert.Equal("座谈会召开", (await harness.Items.GetAsync(first.Item.Id))!.Title);
    }
}
