using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Testing;

namespace Publishing.Tests.Lifecycle;

/// <summary>The event recorder on Azurite (which enforces Table storage's 64 KiB property limit): rows, limits, step order.</summary>
public sealed class ItemRecorderTests : IAsyncLifetime
{
    static readonly ReviewAspects AllPassed = new(true, true, true, true);
    ServiceProvider services = null!;

    ItemReadModel Items => services.GetRequiredService<ItemReadModel>();
    ItemEventRecorder Recorder => services.GetRequiredService<ItemEventRecorder>();

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Publishing:Audit:HmacKey"] = "recorder-tests-audit-hmac-key-0123456789",
        }).Build();
        services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddPublishingCore(configuration).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    static string Chinese(int length) => string.Concat(Enumerable.Range(0, length).Select(i => "审核意见内容请修改第二段表述"[i % 14]));

    static ItemMetadata LargestMetadata() => new(
        Publisher: Chinese(FieldLimits.Publisher), OrgCode: new string('1', FieldLimits.OrgCode), DocumentNumber: null,
        DisclosureMode: DisclosureModes.Proactive, Category: Chinese(FieldLimits.Category), Validity: Chinese(FieldLimits.Validity),
        WrittenDate: "2025-06-20", IndexNumber: null, WechatTitle: Chinese(FieldLimits.WechatTitle));

    async Task<string> CreateAsync(ItemMetadata metadata)
    {
        string id = Guid.NewGuid().ToString("N");
        await Items.TryCreateAsync(new ItemRecord
        {
            RowKey = id, Kind = ItemKinds.Policy, Title = Chinese(FieldLimits.Title), Version = 1, Status = ItemStatus.Submitted,
            SubmittedBy = "editor1", SubmittedByName = "王编辑", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            MetadataJson = JsonSerializer.Serialize(metadata, ItemReadModel.Json), ChannelsJson = "[\"website\"]",
        });
        return id;
    }

    ItemEvent DecisionEvent(string id, int version, string stage, string decision, string reviewer, long step)
    {
        var review = new ReviewRecord(stage, decision, AllPassed, Chinese(FieldLimits.Comment), reviewer, reviewer, DateTimeOffset.UtcNow, version, Guid.NewGuid().ToString("N"));
        return new ItemEvent(id, $"decision-{review.CommandId}", AuditActions.ReviewDecision, reviewer, review.At, version, stage, Review: review, Details: review.Comment, Step: step);
    }

    [Fact]
    public async Task FourRevisionRounds_WithLongestCommentsAtTwoStages_KeepTheItemRowSmall_AndEveryDecisionReadable()
    {
        var metadata = LargestMetadata();
        string id = await CreateAsync(metadata);
        var content = services.GetRequiredService<ContentStore>();
        long step = 0;
        for (int version = 1; version <= 4; version++)
        {
            if (version > 1)
            {
                var document = new VersionDocument(ItemKinds.Policy, Chinese(FieldLimits.Title), metadata, ["website"], null, null, "editor1", DateTimeOffset.UtcNow);
                await content.SaveVersionAsync(id, version, "<p>正文</p>", "<p>正文</p>", document.ToJson());
                await Recorder.RecordAsync(new ItemEvent(id, $"v{version}-revised", AuditActions.Revised, "editor1", DateTimeOffset.UtcNow, version, Status: ItemStatus.Submitted, Step: ++step));
            }

            await Recorder.RecordAsync(DecisionEvent(id, version, ReviewStages.Initial, Decisions.Approve, "reviewer1", ++step));
            await Recorder.RecordAsync(DecisionEvent(id, version, ReviewStages.Second, Decisions.Reject, "reviewer2", ++step));
            await Recorder.RecordAsync(new ItemEvent(id, $"v{version}-returned", AuditActions.Returned, "reviewer2", DateTimeOffset.UtcNow, version, ReviewStages.Second,
                ItemStatus.ReturnedForRevision, Details: Chinese(FieldLimits.Comment), Step: ++step));
        }

        ItemRecord record = (await Items.GetAsync(id))!;
        Assert.Equal(ItemStatus.ReturnedForRevision, record.Status);
        Assert.Equal(4, record.Version);
        // Only the current version's two decisions stay on the row, written without \uXXXX escapes.
        Assert.Equal(2, ItemReadModel.Reviews(record).Count);
        Assert.True(record.ReviewsJson.Length < 2 * FieldLimits.Comment + 2000, $"ReviewsJson has {record.ReviewsJson.Length} characters");
        Assert.DoesNotContain("\\u", record.ReviewsJson);
        var all = await ItemViews.ReviewsAsync(services, record, default);
        Assert.Equal(8, all.Count);
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4], all.Select(r => r.Version));
        Assert.Equal(["reviewer1", "reviewer2"], ItemReadModel.Reviewers(record));
    }

    [Fact]
    public async Task ALateDuplicateOfAnEarlierStep_NeverMovesTheItemBack()
    {
        string id = await CreateAsync(LargestMetadata());
        var initial = new ItemEvent(id, "v1-initial-opened", AuditActions.StageOpened, "system", DateTimeOffset.UtcNow, 1, ReviewStages.Initial, ItemStatus.InReview, Step: 2);
        await Recorder.RecordAsync(initial);
        await Recorder.RecordAsync(new ItemEvent(id, "v1-second-opened", AuditActions.StageOpened, "system", DateTimeOffset.UtcNow, 1, ReviewStages.Second, ItemStatus.InReview, Step: 4));

        await Recorder.RecordAsync(initial); // an activity's first run finishing late, after its retry moved the item on

        ItemRecord record = (await Items.GetAsync(id))!;
        Assert.Equal(ItemStatus.InReview, record.Status);
        Assert.Equal(ReviewStages.Second, record.Stage);
        Assert.Equal(4, record.Step);
    }

    [Fact]
    public async Task ParkingKeepsWhereTheItemWas_AndResumingRestoresIt()
    {
        string id = await CreateAsync(LargestMetadata());
        await Recorder.RecordAsync(new ItemEvent(id, "v1-second-opened", AuditActions.StageOpened, "system", DateTimeOffset.UtcNow, 1, ReviewStages.Second, ItemStatus.InReview,
            DueAt: DateTimeOffset.UtcNow.AddDays(1), Step: 3));
        await Recorder.RecordAsync(new ItemEvent(id, "attention-4", AuditActions.NeedsAttention, "system", DateTimeOffset.UtcNow, 1,
            Status: ItemStatus.NeedsAttention, Details: "自动流程在“到期提醒”步骤多次重试后仍未成功", Step: 4));
        var parked = (await Items.GetAsync(id))!;
        Assert.Equal(ItemStatus.NeedsAttention, parked.Status);
        Assert.Contains("到期提醒", parked.AttentionReason);

        await Recorder.RecordAsync(new ItemEvent(id, "resumed-5", AuditActions.Resumed, "admin1", DateTimeOffset.UtcNow, 1, Step: 5));

        var resumed = (await Items.GetAsync(id))!;
        Assert.Equal(ItemStatus.InReview, resumed.Status);
        Assert.Equal(ReviewStages.Second, resumed.Stage);
        Assert.NotNull(resumed.DueAt);
        Assert.Null(resumed.AttentionReason);
    }

    [Fact]
    public async Task ARowThatHeldEveryVersionsReviews_IsReadWhole_AndMovedToRowsOnItsNextStep()
    {
        string id = await CreateAsync(LargestMetadata());
        var old = new[]
        {
            new ReviewRecord(ReviewStages.Initial, Decisions.Reject, AllPassed, "旧意见", "reviewer1", "张初审", DateTimeOffset.UtcNow.AddDays(-2), 1, "old-1"),
            new ReviewRecord(ReviewStages.Initial, Decisions.Approve, AllPassed, null, "reviewer1", "张初审", DateTimeOffset.UtcNow.AddDays(-1), 2, "old-2"),
        };
        // The stored form before review rows: every decision in one column (and escaped, as the default encoder wrote it).
        var table = new TableClient(TestStorage.ConnectionString, "Items");
        var entity = (await table.GetEntityAsync<TableEntity>(ItemRecord.Partition, id)).Value;
        entity["ReviewsJson"] = JsonSerializer.Serialize(old, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        entity["Version"] = 2;
        entity.Remove("ReviewerIdsJson");
        await table.UpdateEntityAsync(entity, entity.ETag);
        var before = (await Items.GetAsync(id))!;
        Assert.Equal(2, (await ItemViews.ReviewsAsync(services, before, default)).Count);
        Assert.Contains("reviewer1", ItemReadModel.Reviewers(before));

        await Recorder.RecordAsync(new ItemEvent(id, "v2-second-opened", AuditActions.StageOpened, "system", DateTimeOffset.UtcNow, 2, ReviewStages.Second, ItemStatus.InReview, Step: 9));

        var after = (await Items.GetAsync(id))!;
        Assert.Equal(["old-2"], ItemReadModel.StoredReviews(after).Select(r => r.CommandId));
        Assert.Equal(["old-1", "old-2"], (await services.GetRequiredService<ItemReviewStore>().ListAsync(id)).Select(r => r.CommandId));
        Assert.Equal(2, (await ItemViews.ReviewsAsync(services, after, default)).Count);
        Assert.Contains("reviewer1", ItemReadModel.Reviewers(after));
    }
}
