using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Audit;
using Publishing.Calendar;
using Publishing.Channels;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notes;
using Publishing.Testing;
using Publishing.Lifecycle;

namespace Publishing.Tests.Desk;

/// <summary>
/// The desk's handlers on real stores in Azurite (a table and container per test class), called as the hosts call
/// them, with a chosen signed-in user.
/// </summary>
public sealed class DeskApiHarness
{
    readonly IServiceProvider services;

    public DeskApiHarness()
    {
        var tables = new TableServiceClient(TestStorage.ConnectionString);
        var blobs = new BlobServiceClient(TestStorage.ConnectionString);
        var contentOptions = Options.Create(new ContentStoreOptions { ContainerName = TestStorage.UniqueName("content") });
        var collection = new ServiceCollection()
            .AddSingleton(tables)
            .AddSingleton(blobs)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new ItemReadModelOptions { TableName = TestStorage.UniqueName("items") })
            .AddSingleton<ItemReadModel>()
            .AddSingleton<ItemReviewStore>()
            .AddSingleton(sp => new ContentStore(blobs, contentOptions))
            .AddSingleton(sp => new FindingsStore(blobs, contentOptions))
            .AddSingleton<Publishing.Lifecycle.FindingDismissalStore>()
            .AddSingleton(sp => new AuditTrail(tables, Options.Create(new AuditTrailOptions
            {
                TableName = TestStorage.UniqueName("audit"),
                HmacKey = "desk-harness-audit-key-0123456789abcdef",
            })))
            .AddSingleton<NoteStore>()
            .AddSingleton<PublicationStore>()
            .AddSingleton(WorkingDayCalendar.LoadEmbedded())
            .AddScoped<CurrentUserHolder>()
            .AddScoped<ICurrentUserResolver>(sp => sp.GetRequiredService<CurrentUserHolder>());
        services = collection.BuildServiceProvider();
    }

    public ItemReadModel Items => services.GetRequiredService<ItemReadModel>();
    public ContentStore Content => services.GetRequiredService<ContentStore>();
    public AuditTrail Audit => services.GetRequiredService<AuditTrail>();
    public PublicationStore Publications => services.GetRequiredService<PublicationStore>();
    public FindingsStore Findings => services.GetRequiredService<FindingsStore>();

    public static CurrentUser User(string id, params string[] roles) => new(id, id, roles.ToHashSet());

    /// <summary>An item in the read model with its version 1 stored, as a submission leaves it.</summary>
    public async Task<ItemRecord> AddItemAsync(
        string submittedBy, ItemStatus status, string? stage, string html, string title = "关于做好政务公开工作的通知", string kind = "news",
        Action<ItemRecord>? change = null)
    {
        var record = new ItemRecord
        {
            RowKey = Guid.NewGuid().ToString("N"), Kind = kind, Title = title, Version = 1, Status = status, Stage = stage,
            SubmittedBy = submittedBy, SubmittedByName = submittedBy, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            ChannelsJson = "[\"website\"]",
        };
        change?.Invoke(record);
        Assert.True(await Items.TryCreateAsync(record));
        var document = new VersionDocument(kind, title, new ItemMetadata(Publisher: "临沂市商务局"), ["website"], null, null, submittedBy, record.CreatedAt);
        await Content.SaveVersionAsync(record.Id, 1, html, html, document.ToJson());
        return record;
    }

    public async Task<(int Status, JsonElement Body)> CallAsync(
        CurrentUser? user, Func<HttpContext, Task<IResult>> handler, string? jsonBody = null)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserHolder>().User = user;
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (jsonBody is not null)
        {
            context.Request.Method = "POST";
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(jsonBody));
        }

        context.Response.Body = new MemoryStream();
        var result = await handler(context);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        string text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    sealed class CurrentUserHolder : ICurrentUserResolver
    {
        public CurrentUser? User { get; set; }

        public CurrentUser? Resolve(HttpContext context) => User;
    }
}
