using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Calendar;
using Publishing.Channels;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Notifications;
using Publishing.Supervision;
using Publishing.Supervision.Columns;
using Publishing.Supervision.Disclosure;
using Publishing.Testing;

namespace Publishing.Tests.Supervision;

/// <summary>
/// The new monitors' rounds on Azurite, as the eternal orchestration runs them: repeated rounds (and a host restart,
/// which only repeats a round) deliver each alert once; a new page or a publication ends the alerts.
/// </summary>
public sealed class MonitorRoundTests
{
    static readonly DateTimeOffset Start = new(2025, 10, 13, 9, 0, 0, WorkingDayCalendar.ChinaOffset);

    readonly TableServiceClient _tables = new(TestStorage.ConnectionString);
    readonly string _siteTable = TestStorage.UniqueName("site");
    readonly string _itemsTable = TestStorage.UniqueName("items");
    readonly string _column = TestStorage.UniqueName("col");
    readonly RecordingNotifier _notifier = new();
    readonly SupervisionOptions _options = new();

    public MonitorRoundTests()
    {
        _options.Columns = new Dictionary<string, SupervisedColumn>
        {
            [_column] = new() { Name = "工作动态", Kind = ItemKinds.News, Category = _column, Days = 14, Owner = "editor2" },
        };
    }

    PublicationStore Publications() => new(_tables, TimeProvider.System, NullLogger<PublicationStore>.Instance);

    SupervisionSources Sources() =>
        new(_tables, new ItemReadModelOptions { TableName = _itemsTable }, Options.Create(new SiteOptions { TableName = _siteTable }), Publications());

    SupervisionStore Store() => new(_tables, new BlobServiceClient(TestStorage.ConnectionString));

    async Task<int> ColumnRoundAsync(DateTimeOffset now) =>
        (await new CheckColumnsActivity(Sources(), Store(), _notifier, Options.Create(_options), NullLogger<CheckColumnsActivity>.Instance)
            .RunAsync(new RoundContext(), new MonitorTick(now))).Notified;

    async Task<int> DisclosureRoundAsync(DateTimeOffset now) =>
        (await new CheckDisclosureActivity(Sources(), Store(), _notifier, WorkingDayCalendar.LoadEmbedded(), Options.Create(_options),
            NullLogger<CheckDisclosureActivity>.Instance).RunAsync(new RoundContext(), new MonitorTick(now))).Notified;

    async Task AddPageAsync(DateTimeOffset publishedAt)
    {
        var table = _tables.GetTableClient(_siteTable);
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new SiteEntry
        {
            RowKey = Guid.NewGuid().ToString("N"), Kind = ItemKinds.News, Category = _column, Title = "县政府召开常务会议", PublishedAt = publishedAt, UpdatedAt = publishedAt,
        });
    }

    [Fact]
    public async Task ColumnFreshness_EachLevelIsToldOnce_AcrossRounds_AndANewPageStartsAfresh()
    {
        await AddPageAsync(Start);

        Assert.Equal(0, await ColumnRoundAsync(Start.AddDays(10)));
        Assert.Equal(2, await ColumnRoundAsync(Start.AddDays(11))); // warning: administrators and the owner
        Assert.Equal(0, await ColumnRoundAsync(Start.AddDays(11).AddHours(6)));
        Assert.Equal(0, await ColumnRoundAsync(Start.AddDays(12)));
        Assert.Equal(2, await ColumnRoundAsync(Start.AddDays(14))); // alarm
        Assert.Equal(0, await ColumnRoundAsync(Start.AddDays(20)));

        await AddPageAsync(Start.AddDays(21));
        Assert.Equal(0, await ColumnRoundAsync(Start.AddDays(22)));
        Assert.Equal(2, await ColumnRoundAsync(Start.AddDays(32))); // the next period of silence is told again

        var mine = _notifier.Sent.Where(n => n.Id.Contains(_column, StringComparison.Ordinal)).ToList();
        Assert.Equal(6, mine.Count);
        Assert.Equal(mine.Count, mine.Select(n => n.Id).Distinct().Count());
        Assert.Equal(["column-warning", "column-warning", "column-alarm", "column-alarm", "column-warning", "column-warning"], mine.Select(n => n.Kind));
    }

    [Fact]
    public async Task DisclosureDeadline_DueSoonAndLateAreEachToldOnce_AndPublishingEndsThem()
    {
        string id = TestStorage.UniqueName("item");
        var items = _tables.GetTableClient(_itemsTable);
        await items.CreateIfNotExistsAsync();
        await items.UpsertEntityAsync(new ItemRecord
        {
            RowKey = id, Kind = ItemKinds.Notice, Title = "关于做好秋季安全生产工作的通知", SubmittedBy = "editor1", Status = ItemStatus.InReview,
            MetadataJson = JsonSerializer.Serialize(new ItemMetadata(DisclosureMode: DisclosureModes.Proactive, WrittenDate: "2025-09-16"), ItemReadModel.Json),
        });

        // 2025-10-15: three working days before the deadline 2025-10-20 (National Day holiday in between).
        Assert.Equal(2, await DisclosureRoundAsync(new DateTimeOffset(2025, 10, 15, 9, 0, 0, WorkingDayCalendar.ChinaOffset)));
        Assert.Equal(0, await DisclosureRoundAsync(new DateTimeOffset(2025, 10, 17, 9, 0, 0, WorkingDayCalendar.ChinaOffset)));
        Assert.Equal(2, await DisclosureRoundAsync(new DateTimeOffset(2025, 10, 21, 9, 0, 0, WorkingDayCalendar.ChinaOffset)));
        Assert.Equal(0, await DisclosureRoundAsync(new DateTimeOffset(2025, 10, 22, 9, 0, 0, WorkingDayCalendar.ChinaOffset)));

        var publications = Publications();
        await publications.TransitionAsync(id, 1, Publishing.Items.Channels.Website, ChannelState.Sending, TransitionCause.Workflow);
        await publications.TransitionAsync(id, 1, Publishing.Items.Channels.Website, ChannelState.Published, TransitionCause.Workflow);
        var after = await DisclosureReader.ReadAsync(Sources(), _options, WorkingDayCalendar.LoadEmbedded(), new DateTimeOffset(2025, 10, 24, 9, 0, 0, WorkingDayCalendar.ChinaOffset));
        Assert.DoesNotContain(after, d => d.ItemId == id);

        var mine = _notifier.Sent.Where(n => n.ItemId == id).ToList();
        Assert.Equal(["disclosure-dueSoon", "disclosure-dueSoon", "disclosure-late", "disclosure-late"], mine.Select(n => n.Kind));
    }

    sealed class RecordingNotifier : INotifier
    {
        public List<Notification> Sent { get; } = [];

        public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            lock (Sent)
            {
                Sent.Add(notification);
            }

            return Task.CompletedTask;
        }
    }

    sealed class RoundContext : TaskActivityContext
    {
        public override TaskName Name { get; } = "round";

        public override string InstanceId { get; } = "test";
    }
}
