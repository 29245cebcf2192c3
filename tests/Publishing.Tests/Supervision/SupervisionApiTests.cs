using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Calendar;
using Publishing.Channels.Website;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Supervision;
using Publishing.Supervision.Columns;
using Publishing.Testing;
using Publishing.Tests.Channels;

namespace Publishing.Tests.Supervision;

/// <summary>GET /api/supervision/disclosure and /columns: what Admins and Auditors see; other roles are refused.</summary>
public sealed class SupervisionApiTests
{
    static readonly DateTimeOffset Now = new(2025, 10, 21, 9, 0, 0, WorkingDayCalendar.ChinaOffset);
    readonly TableServiceClient _tables = new(TestStorage.ConnectionString);
    readonly string _itemsTable = TestStorage.UniqueName("items");
    readonly string _siteTable = TestStorage.UniqueName("site");

    sealed class FixedUser(CurrentUser user) : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) => user;
    }

    async Task<(int Status, JsonElement Body)> GetAsync(Func<HttpContext, CancellationToken, Task<IResult>> handler, string role)
    {
        var options = new SupervisionOptions
        {
            Columns = new() { ["news"] = new SupervisedColumn { Name = "工作动态", Kind = ItemKinds.News, Days = 14 } },
        };
        var services = new ServiceCollection()
            .AddSingleton<ICurrentUserResolver>(new FixedUser(new CurrentUser("u1", "张审计", new HashSet<string> { role })))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<TimeProvider>(new ManualTimeProvider(Now))
            .AddSingleton(WorkingDayCalendar.LoadEmbedded())
            .AddSingleton(Options.Create(options))
            .AddSingleton(new SupervisionSources(_tables, new ItemReadModelOptions { TableName = _itemsTable }, Options.Create(new SiteOptions { TableName = _siteTable }),
                new PublicationStore(_tables, TimeProvider.System, NullLogger<PublicationStore>.Instance)))
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await (await handler(context, CancellationToken.None)).ExecuteAsync(context);

        context.Response.Body.Position = 0;
        string text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task Disclosure_ListsLateAndDueSoonItems_ForAuditors()
    {
        var items = _tables.GetTableClient(_itemsTable);
        await items.CreateIfNotExistsAsync();
        foreach (var (id, written) in new[] { ("late", "2025-09-16"), ("soon", "2025-09-19"), ("later", "2025-10-09") })
        {
            await items.UpsertEntityAsync(new ItemRecord
            {
                RowKey = id, Kind = ItemKinds.Notice, Title = "通知" + id, SubmittedBy = "editor1", Status = ItemStatus.InReview,
                MetadataJson = JsonSerializer.Serialize(new ItemMetadata(DisclosureMode: DisclosureModes.Proactive, WrittenDate: written), ItemReadModel.Json),
            });
        }

        var (status, json) = await GetAsync(SupervisionApi.GetDisclosure, Roles.Auditor);

        Assert.Equal(StatusCodes.Status200OK, status);
        var late = Assert.Single(json.GetProperty("late").EnumerateArray());
        Assert.Equal(("late", "2025-10-20", -1), (late.GetProperty("itemId").GetString(), late.GetProperty("dueDate").GetString(), late.GetProperty("workingDaysLeft").GetInt32()));
        Assert.Equal(["soon"], json.GetProperty("dueSoon").EnumerateArray().Select(d => d.GetProperty("itemId").GetString()));
    }

    [Fact]
    public async Task Columns_ShowEachColumnsLevel_ForAdmins()
    {
        var site = _tables.GetTableClient(_siteTable);
        await site.CreateIfNotExistsAsync();
        await site.UpsertEntityAsync(new SiteEntry { RowKey = "a", Kind = ItemKinds.News, Title = "动态", PublishedAt = Now.AddDays(-12), UpdatedAt = Now.AddDays(-12) });

        var (status, json) = await GetAsync(SupervisionApi.GetColumns, Roles.Admin);

        Assert.Equal(StatusCodes.Status200OK, status);
        var column = Assert.Single(json.GetProperty("columns").EnumerateArray());
        Assert.Equal(("工作动态", "warning", 12, "14 天"), (column.GetProperty("name").GetString(), column.GetProperty("level").GetString(),
            column.GetProperty("days").GetInt32(), column.GetProperty("limit").GetString()));
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.FinalReviewer)]
    public async Task OtherRoles_AreRefused(string role)
    {
        Assert.Equal(StatusCodes.Status403Forbidden, (await GetAsync(SupervisionApi.GetDisclosure, role)).Status);
        Assert.Equal(StatusCodes.Status403Forbidden, (await GetAsync(SupervisionApi.GetColumns, role)).Status);
    }
}
