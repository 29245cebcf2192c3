using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Publishing.Audit;
using Publishing.Testing;

namespace Publishing.Tests.Audit;

public class AuditTrailTests
{
    readonly TableServiceClient _tables = new(TestStorage.ConnectionString);
    readonly string _tableName = TestStorage.UniqueName("audit");
    readonly AuditTrail _trail;

    public AuditTrailTests()
    {
        var options = Options.Create(new AuditTrailOptions
        {
            TableName = _tableName,
            HmacKey = AuditTamperingTests.Key,
            AnchorContainerName = TestStorage.UniqueName("anchors"),
        });
        _trail = new AuditTrail(_tables, options, new AuditAnchorStore(new BlobServiceClient(TestStorage.ConnectionString), options));
    }

    static string NewItemId() => "item-" + Guid.NewGuid().ToString("N");

    static AuditEvent Event(string id, string action = "submitted", string? details = null) =>
        new(id, action, "user:editor1", new DateTimeOffset(2026, 2, 12, 15, 30, 0, TimeSpan.FromHours(8)), "初审", 1, details);

    [Fact]
    public async Task Read_AfterSeveralAppends_ReturnsChainInOrderAndVerifies()
    {
        string item = NewItemId();
        var first = await _trail.AppendAsync(item, Event("e1", "submitted", """{"title":"关于2026年政务公开工作要点"}"""));
        var second = await _trail.AppendAsync(item, Event("e2", "approved"));
        var third = await _trail.AppendAsync(item, Event("e3", "published", null) with { Stage = null, Version = null });

        var view = await _trail.ReadAsync(item);

        Assert.True(view.Verified);
        Assert.Equal([first, second, third], view.Entries);
        Assert.Equal([1L, 2L, 3L], view.Entries.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(second.Hash, third.PreviousHash);
        Assert.Equal(new DateTimeOffset(2026, 2, 12, 7, 30, 0, TimeSpan.Zero), view.Entries[0].At);
    }

    [Fact]
    public async Task Read_AfterDetailsEditedInTheTable_IsNotVerified()
    {
        string item = NewItemId();
        await _trail.AppendAsync(item, Event("e1", "submitted", """{"reviewer":"张三"}"""));
        await _trail.AppendAsync(item, Event("e2", "approved"));
        Assert.True((await _trail.ReadAsync(item)).Verified);

        var table = _tables.GetTableClient(_tableName);
        var stored = (await table.GetEntityAsync<TableEntity>(item, "0000000001")).Value;
        stored["Details"] = """{"reviewer":"李四"}""";
        await table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);

        var view = await _trail.ReadAsync(item);

        Assert.False(view.Verified);
        Assert.Equal("""{"reviewer":"李四"}""", view.Entries[0].Details);
    }

    [Fact]
    public async Task Read_AfterLastEntryDeleted_IsNotVerified()
    {
        string item = NewItemId();
        await _trail.AppendAsync(item, Event("e1"));
        await _trail.AppendAsync(item, Event("e2"));

        await _tables.GetTableClient(_tableName).DeleteEntityAsync(item, "0000000002");

        Assert.False((await _trail.ReadAsync(item)).Verified);
    }

    [Fact]
    public async Task Append_SameEventIdTwice_StoresOneEntryAndReturnsTheStoredOne()
    {
        string item = NewItemId();
        var first = await _trail.AppendAsync(item, Event("replayed"));
        // A replayed activity may rebuild the event with a later clock; the stored entry wins.
        var again = await _trail.AppendAsync(item, Event("replayed") with { At = DateTimeOffset.UtcNow });

        var view = await _trail.ReadAsync(item);

        Assert.Equal(first, again);
        Assert.Single(view.Entries);
        Assert.True(view.Verified);
    }

    [Fact]
    public async Task Append_TwentyInParallel_StoresGapFreeVerifiedChain()
    {
        string item = NewItemId();

        var appended = await Task.WhenAll(Enumerable.Range(1, 20)
            .Select(i => Task.Run(() => _trail.AppendAsync(item, Event("parallel-" + i)))));

        var view = await _trail.ReadAsync(item);
        Assert.True(view.Verified);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), view.Entries.Select(e => e.Sequence));
        Assert.Equal(20, view.Entries.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(appended.OrderBy(e => e.Sequence), view.Entries);
    }

    [Fact]
    public async Task Append_SameEventIdInParallel_StoresItOnce()
    {
        string item = NewItemId();

        var results = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => Task.Run(() => _trail.AppendAsync(item, Event("same")))));

        var view = await _trail.ReadAsync(item);
        Assert.Single(view.Entries);
        Assert.All(results, r => Assert.Equal(view.Entries[0], r));
    }

    [Fact]
    public async Task Read_ItemsAreIndependent()
    {
        string a = NewItemId(), b = NewItemId();
        await _trail.AppendAsync(a, Event("e1"));
        await _trail.AppendAsync(b, Event("e1"));

        var viewA = await _trail.ReadAsync(a);
        var viewB = await _trail.ReadAsync(b);

        Assert.Single(viewA.Entries);
        Assert.Single(viewB.Entries);
        Assert.True(viewA.Verified && viewB.Verified);
        Assert.Empty((await _trail.ReadAsync(NewItemId())).Entries);
    }
}
