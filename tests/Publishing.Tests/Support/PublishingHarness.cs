using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Testing;
using Publishing.Testing.Fakes;
using Publishing.Workflow;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Publishing.Tests.Support;

/// <summary>
/// The product's orchestrations and activities on the in-process Durable Task test host, with the real storage
/// classes on Azurite (behind <see cref="StorageFaults"/>) and the WeChat and Weibo fakes.
/// </summary>
public sealed class PublishingHarness : IAsyncDisposable
{
    public static readonly CurrentUser Admin = new("admin1", "赵管理员", new HashSet<string> { Roles.Admin });

    public WeiboFake Weibo { get; } = new();
    public WeChatFake WeChat { get; } = new();
    public StorageFaults TableFaults { get; } = new();
    public StorageFaults BlobFaults { get; } = new();
    readonly WireMockServer images = WireMockServer.Start();
    DurableTaskTestHost? durable;

    public DurableTaskClient Client => durable!.Client;
    public IServiceProvider Services => durable!.Services;
    public PublicationStore Publications => Services.GetRequiredService<PublicationStore>();
    public ItemReadModel Items => Services.GetRequiredService<ItemReadModel>();
    public ChannelCommands Commands => Services.GetRequiredService<ChannelCommands>();

    /// <summary>An external body image (a JPEG) on a loopback fake the guarded fetcher may reach in tests.</summary>
    public string ExternalImageUrl => images.Urls[0] + "/cover.jpg";

    PublishingHarness()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x42, 2048), 0xFF, 0xD9];
        images.Given(Request.Create().WithPath("/cover.jpg").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody(jpeg));
    }

    /// <param name="register">Orchestrators and activities; the product's own by default (tests may register stand-ins).</param>
    /// <param name="configure">Extra registrations after the product's (e.g. a signed-in user for handler calls).</param>
    public static async Task<PublishingHarness> StartAsync(
        Action<DurableTaskRegistry>? register = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new PublishingHarness();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Publishing:Site:BaseUrl"] = "http://127.0.0.1:9/site/",
            ["Publishing:Weibo:BaseUrl"] = harness.Weibo.Url,
            ["Publishing:Weibo:AccessToken"] = harness.Weibo.AccessToken,
            ["Publishing:Weibo:Rip"] = "127.0.0.1",
            ["Publishing:Weibo:AttemptTimeout"] = "00:00:05",
            ["Publishing:Weibo:TotalTimeout"] = "00:00:10",
            ["Publishing:Weibo:RetryBaseDelay"] = "00:00:00.050",
            ["Publishing:WeChat:BaseUrl"] = harness.WeChat.Url,
            ["Publishing:WeChat:AppId"] = harness.WeChat.AppId,
            ["Publishing:WeChat:AppSecret"] = harness.WeChat.AppSecret,
            ["Publishing:WeChat:CallbackToken"] = "callback-token-for-tests",
            ["Publishing:WeChat:PollAfter"] = "00:00:01",
            ["Publishing:WeChat:MaxPolls"] = "3",
            ["Publishing:WeChat:RetryBaseDelay"] = "00:00:00.050",
            ["Publishing:Retract:WaitInterval"] = "00:00:01",
            ["Publishing:Retract:MaxWait"] = "00:01:00",
            ["Publishing:Lifecycle:DecisionWait"] = "00:00:01",
            ["Publishing:Audit:HmacKey"] = "harness-audit-hmac-key-0123456789abcdef",
            // Body images come from a loopback fake: the guarded fetcher's test-only allowance.
            ["Publishing:Outbound:TestLoopbackPorts:0"] = harness.images.Ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        harness.durable = await DurableTaskTestHost.StartAsync(register ?? (r => r.AddPublishingTasks()), new DurableTaskTestHostOptions
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<IConfiguration>(configuration);
                services.AddPublishingCore(configuration);
                var tableOptions = new TableClientOptions();
                tableOptions.AddPolicy(harness.TableFaults, Azure.Core.HttpPipelinePosition.PerCall);
                var blobOptions = new BlobClientOptions();
                blobOptions.AddPolicy(harness.BlobFaults, Azure.Core.HttpPipelinePosition.PerCall);
                services.AddSingleton(new TableServiceClient(TestStorage.ConnectionString, tableOptions));
                services.AddSingleton(new BlobServiceClient(TestStorage.ConnectionString, blobOptions));
                configure?.Invoke(services);
            },
        });
        return harness;
    }

    /// <summary>Stores version 1 of an item and marks it approved by 终审, as the review would.</summary>
    public Task<string> SeedApprovedAsync(string title, params string[] channels) => SeedApprovedHtmlAsync(title,
        $"<p>临沂市商务局召开外贸企业座谈会，听取企业意见建议。</p><p><img src=\"{images.Urls[0]}/cover.jpg\" alt=\"座谈会现场\"></p>", null, channels);

    /// <summary>As <see cref="SeedApprovedAsync"/> with a body and attachments of the test's choosing.</summary>
    public async Task<string> SeedApprovedHtmlAsync(string title, string html, IReadOnlyList<Publishing.Assets.VersionAttachment>? attachments, params string[] channels)
    {
        string id = Guid.NewGuid().ToString("N");
        var metadata = new ItemMetadata("临沂市商务局", "1123045263", null, DisclosureModes.Proactive, "商务", IndexNumber: $"1123045263/swj/2025-{Random.Shared.Next(1, 9_999_999):D7}");
        var document = new VersionDocument("news", title, metadata, channels, null, null, "editor1", DateTimeOffset.UtcNow, attachments);
        var stored = await Services.GetRequiredService<ContentStore>().SaveVersionAsync(id, 1, html, html, document.ToJson());
        await Items.TryCreateAsync(new ItemRecord
        {
            RowKey = id, Kind = "news", Title = title, Version = 1, Status = ItemStatus.Approved,
            ChannelsJson = System.Text.Json.JsonSerializer.Serialize(channels), SubmittedBy = "editor1", SubmittedByName = "王编辑",
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, ApprovedVersion = 1, ContentHash = stored.ContentHash,
            MetadataJson = System.Text.Json.JsonSerializer.Serialize(metadata, ItemReadModel.Json),
        });
        return id;
    }

    public async Task<PublishInput> PublishAsync(string id, DateTimeOffset? publishAt = null)
    {
        var item = (await Items.GetAsync(id))!;
        var input = new PublishInput(id, 1, item.ContentHash!, ItemReadModel.Channels(item), publishAt, item.SubmittedBy);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(PublishOrchestrator), input, new StartOrchestrationOptions(ItemInstances.Publish(id, 1)));
        return input;
    }

    public async Task<OrchestrationMetadata> CompletedAsync(string instanceId, int timeoutSeconds = 90)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instanceId}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}");
        return done;
    }

    public async Task<PublicationRecord> WaitForChannelAsync(string id, string channel, Func<PublicationRecord, bool> condition, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        PublicationRecord? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await Publications.GetAsync(id, 1, channel);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{channel} of {id} did not reach the expected state; last: {last}");
    }

    public async Task<ItemRecord> WaitForItemAsync(string id, Func<ItemRecord, bool> condition, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        ItemRecord? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await Items.GetAsync(id);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"item {id} did not reach the expected state; last status: {last?.Status}");
    }

    public async ValueTask DisposeAsync()
    {
        if (durable is not null)
        {
            await durable.DisposeAsync();
        }

        Weibo.Dispose();
        WeChat.Dispose();
        images.Stop();
    }
}
