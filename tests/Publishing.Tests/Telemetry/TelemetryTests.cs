using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Telemetry;
using Publishing.Testing;

namespace Publishing.Tests.Telemetry;

/// <summary>
/// The counters an operator charts fire where the state really changes (on Azurite), the spans carry the
/// orchestration's id, and the one telemetry setup both hosts call exports them.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    // Measurements are global; the test's own are those made in its execution context (other classes run in parallel).
    static readonly AsyncLocal<string?> Scope = new();
    readonly string scope = Guid.NewGuid().ToString("N");
    readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> measurements = new();
    readonly MeterListener meters = new();
    readonly ServiceProvider services;

    public TelemetryTests()
    {
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PublishingTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Scope.Value == scope)
            {
                measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        meters.Start();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Publishing:Audit:HmacKey"] = "telemetry-tests-audit-hmac-key-0123456789abcdef",
        }).Build();
        services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddPublishingCore(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task ChannelTransition_CountsThePublicationByChannelAndTheStateReached_OnlyWhenApplied()
    {
        Scope.Value = scope;
        var store = services.GetRequiredService<PublicationStore>();
        string item = Guid.NewGuid().ToString("N");

        Assert.True((await store.TransitionAsync(item, 1, "weibo", ChannelState.Sending, TransitionCause.Workflow)).Applied);
        Assert.True((await store.TransitionAsync(item, 1, "weibo", ChannelState.Published, TransitionCause.Workflow)).Applied);
        // Refused by the transition table (published → sending): nothing is counted.
        Assert.False((await store.TransitionAsync(item, 1, "weibo", ChannelState.Sending, TransitionCause.Workflow)).Applied);

        var mine = Measurements(PublishingTelemetry.ChannelOutcomes);
        Assert.Equal(["sending", "published"], mine.Select(m => (string?)m.Tags["outcome"]));
        Assert.All(mine, m => Assert.Equal(("weibo", 1L), ((string?)m.Tags["channel"], m.Value)));
    }

    [Fact]
    public async Task ItemEvent_ThatMovesTheItem_CountsTheStatusReached_AndAReplayCountsNothing()
    {
        Scope.Value = scope;
        var items = services.GetRequiredService<ItemReadModel>();
        string id = Guid.NewGuid().ToString("N");
        Assert.True(await items.TryCreateAsync(new ItemRecord
        {
            RowKey = id, Kind = "news", Title = "关于遥测计数的通知", Version = 1, Status = ItemStatus.Submitted,
            SubmittedBy = "editor1", SubmittedByName = "王编辑", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            ChannelsJson = "[\"website\"]",
        }));
        var recorder = services.GetRequiredService<ItemEventRecorder>();
        var withdrawn = new ItemEvent(ItemId: id, EventId: "withdrawn-1", Action: AuditActions.Withdrawn, Actor: "editor1",
            At: DateTimeOffset.UtcNow, Version: 1, Status: ItemStatus.Withdrawn);

        await recorder.RecordAsync(withdrawn);
        await recorder.RecordAsync(withdrawn);

        var counted = Assert.Single(Measurements(PublishingTelemetry.ItemStatusChanges));
        Assert.Equal((ItemStatus.Withdrawn.ToString(), 1L), ((string?)counted.Tags["status"], counted.Value));
    }

    [Fact]
    public void ActivitySpan_CarriesTheOrchestrationInstanceAndTheTaskName()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PublishingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        string instance = "item" + Guid.NewGuid().ToString("N") + "-v1-publish";

        using (PublishingTelemetry.StartActivityTask(new Context("PublishWebsiteActivity", instance)))
        {
        }

        var span = Assert.Single(stopped, s => (string?)s.GetTagItem(PublishingTelemetry.InstanceIdTag) == instance);
        Assert.Equal("activity PublishWebsiteActivity", span.DisplayName);
        Assert.Equal("PublishWebsiteActivity", span.GetTagItem(PublishingTelemetry.TaskNameTag));
    }

    [Fact]
    public async Task TheSharedSetup_ExportsTheProductsSpansAndCounters()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var configuration = new ConfigurationBuilder().Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddPublishingTelemetry(configuration);
        collection.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddInMemoryExporter(metrics));
        await using var provider = collection.BuildServiceProvider();
        var tracer = provider.GetRequiredService<TracerProvider>();
        var meter = provider.GetRequiredService<MeterProvider>();
        string instance = "item" + Guid.NewGuid().ToString("N");

        using (PublishingTelemetry.StartActivityTask(new Context("RunChecksActivity", instance)))
        {
            PublishingTelemetry.ChannelReached("wechat", ChannelState.Unknown);
        }

        tracer.ForceFlush();
        meter.ForceFlush();
        Assert.Contains(spans, s => (string?)s.GetTagItem(PublishingTelemetry.InstanceIdTag) == instance);
        Assert.Contains(metrics, m => m.Name == PublishingTelemetry.ChannelOutcomes);
    }

    [Fact]
    public async Task BothExporters_Configured_TheProvidersStillBuild()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.OtlpEndpointSetting] = "http://127.0.0.1:4317",
            [TelemetryServiceCollectionExtensions.AzureMonitorSetting] =
                "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
            [TelemetryServiceCollectionExtensions.ManagedIdentitySetting] = "11111111-1111-1111-1111-111111111111",
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddPublishingTelemetry(configuration);
        await using var provider = collection.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<TracerProvider>());
        Assert.NotNull(provider.GetRequiredService<MeterProvider>());
    }

    List<(string Instrument, long Value, Dictionary<string, object?> Tags)> Measurements(string instrument)
    {
        meters.RecordObservableInstruments();
        return measurements.Where(m => m.Instrument == instrument).ToList();
    }

    public void Dispose()
    {
        meters.Dispose();
        services.Dispose();
    }

    sealed class Context(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId { get; } = instanceId;
    }
}
