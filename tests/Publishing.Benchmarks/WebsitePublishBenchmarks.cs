using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Channels.Website;
using Publishing.Items;

namespace Publishing.Benchmarks;

/// <summary>
/// One item published into a website of 100 items and into one of 10,000, on Azurite (storage I/O is the cost, so a
/// fake would measure nothing). Target: 10,000 costs at most 1.5× 100. Each iteration is one publish (the site grows
/// by one), so <see cref="RunStrategy.Monitoring"/>: no pilot, no unrolling.
/// </summary>
/// <remarks>
/// The site is seeded the way an upgraded site starts: its <c>SiteEntries</c> rows, then the publisher's one-off
/// import builds the lists and writes every list file. Needs <c>PUBLISHING_TEST_STORAGE</c> (an Azurite connection
/// string); <c>website-benchmark.sh</c> starts a private Azurite and sets it.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 5, iterationCount: 40, invocationCount: 1)]
public class WebsitePublishBenchmarks
{
    static readonly (string Name, string Code)[] Categories = [("商务", "swj"), ("教育", "jyj"), ("卫生健康", "wjw")];

    WebsitePublisher publisher = null!;
    readonly Queue<string> ready = new();
    readonly RequestCounter requests = new();
    int published;

    [Params(100, 10_000)]
    public int SiteSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        string connection = Environment.GetEnvironmentVariable("PUBLISHING_TEST_STORAGE") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("PUBLISHING_TEST_STORAGE is not set: run tests/Publishing.Benchmarks/website-benchmark.sh, which starts Azurite.");
        string run = Guid.NewGuid().ToString("N")[..8];
        var site = new SiteOptions { ContainerName = "web" + run, TableName = "site" + run, SiteTitle = "临沂市人民政府 政府信息公开" };
        var indexNumbers = new IndexNumberOptions { CategoryCodes = Categories.ToDictionary(c => c.Name, c => c.Code) };
        var blobs = new BlobServiceClient(connection);
        var tables = new TableServiceClient(connection);
        var content = new ContentStore(blobs, Options.Create(new ContentStoreOptions { ContainerName = "items" + run }));

        await SeedEntriesAsync(tables.GetTableClient(site.TableName), SiteSize);
        var counted = new BlobClientOptions();
        counted.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var countedTables = new TableClientOptions();
        countedTables.AddPolicy(requests, HttpPipelinePosition.PerCall);
        publisher = new WebsitePublisher(new BlobServiceClient(connection, counted), new TableServiceClient(connection, countedTables), content,
            Options.Create(site), Options.Create(indexNumbers), TimeProvider.System, NullLogger<WebsitePublisher>.Instance);
        // The one-off import of the seeded entries (builds the lists, writes every list file), outside the measurement.
        await publisher.GetEntryAsync("warm-up");
        requests.Reset();

        for (int i = 0; i < 60; i++)
        {
            string id = Guid.NewGuid().ToString("N");
            var (name, _) = Categories[i % Categories.Length];
            string title = $"临沂市关于做好2026年第{i}批政务公开重点工作的通知";
            string body = $"<p>{title}。</p><p>各县区人民政府，市政府各部门：现将有关事项通知如下，请认真贯彻执行。</p>";
            var document = new VersionDocument(ItemKinds.Notice, title,
                new ItemMetadata(Publisher: "临沂市人民政府办公室", OrgCode: "1123045263", DisclosureMode: DisclosureModes.Proactive, Category: name),
                ["website"], null, null, "editor1", DateTimeOffset.UtcNow);
            await content.SaveVersionAsync(id, 1, body, body, document.ToJson());
            ready.Enqueue(id);
        }
    }

    [Benchmark]
    public Task<string> PublishOneItem()
    {
        published++;
        return publisher.PublishAsync(ready.Dequeue(), 1);
    }

    /// <summary>The deterministic side of the cost, independent of machine load: storage requests and bytes per publish.</summary>
    [GlobalCleanup]
    public void Report() =>
        Console.WriteLine($"// Website site of {SiteSize}: {published} publishes, {(double)requests.Count / published:F1} storage requests and " +
            $"{requests.ResponseBytes / 1024.0 / published:F1} KiB of responses per publish");

    sealed class RequestCounter : HttpPipelinePolicy
    {
        long count;
        long bytes;

        public long Count => Interlocked.Read(ref count);
        public long ResponseBytes => Interlocked.Read(ref bytes);

        public void Reset()
        {
            Interlocked.Exchange(ref count, 0);
            Interlocked.Exchange(ref bytes, 0);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref count);
            ProcessNext(message, pipeline);
            Interlocked.Add(ref bytes, message.Response.Headers.ContentLength ?? 0);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref count);
            await ProcessNextAsync(message, pipeline);
            Interlocked.Add(ref bytes, message.Response.Headers.ContentLength ?? 0);
        }
    }

    /// <summary>Entries of items published over the past years, as the former publisher left them.</summary>
    static async Task SeedEntriesAsync(TableClient table, int count)
    {
        await table.CreateIfNotExistsAsync();
        var start = new DateTimeOffset(2020, 1, 2, 9, 0, 0, TimeSpan.FromHours(8));
        foreach (var batch in Enumerable.Range(0, count).Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(i =>
            {
                string id = Guid.NewGuid().ToString("N");
                var (name, code) = Categories[i % Categories.Length];
                return new TableTransactionAction(TableTransactionActionType.Add, new SiteEntry
                {
                    RowKey = id, Title = $"临沂市{name}工作动态（第{i}期）", Kind = ItemKinds.News, Category = name, CategoryCode = code,
                    Publisher = "临沂市人民政府办公室", Version = 1, Path = SiteEntry.PathFor(id),
                    PublishedAt = start.AddHours(i * 4), UpdatedAt = start.AddHours(i * 4),
                    Summary = "为进一步做好政务公开工作，推进决策、执行、管理、服务、结果公开，现将有关工作情况通报如下。" + i,
                });
            }));
        }
    }
}
