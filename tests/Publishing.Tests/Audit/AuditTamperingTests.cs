using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Audit;
using Publishing.Testing;

namespace Publishing.Tests.Audit;

/// <summary>
/// Someone with write access to the AuditTrail table (the app's identity, a former deployer) tries to rewrite an
/// item's history. Each test is one such attack on Azurite; the trail must say it is not verified and where.
/// </summary>
public sealed class AuditTamperingTests
{
    public const string Key = "test-audit-hmac-key-0123456789abcdefghijkl";

    static readonly DateTimeOffset Start = new(2026, 2, 12, 9, 0, 0, TimeSpan.FromHours(8));

    readonly TableServiceClient _tables = new(TestStorage.ConnectionString);
    readonly BlobServiceClient _blobs = new(TestStorage.ConnectionString);
    readonly string _tableName = TestStorage.UniqueName("audit");
    readonly string _anchorContainer = TestStorage.UniqueName("anchors");
    readonly string _item = Guid.NewGuid().ToString("N");

    AuditTrail Trail(string key = Key, params string[] retired) => new(_tables, Options(key, retired), Anchors());

    AuditAnchorStore Anchors() => new(_blobs, Options(Key));

    AuditAnchorer Anchorer() => new(Trail(), Anchors(), TimeProvider.System, NullLogger<AuditAnchorer>.Instance);

    IOptions<AuditTrailOptions> Options(string key, params string[] retired) => Microsoft.Extensions.Options.Options.Create(new AuditTrailOptions
    {
        TableName = _tableName,
        HmacKey = key,
        RetiredHmacKeys = retired,
        AnchorContainerName = _anchorContainer,
    });

    TableClient Table => _tables.GetTableClient(_tableName);

    static AuditEvent Event(int n) => new(
        $"e{n}", n == 1 ? "submitted" : "reviewed", n == 1 ? "editor1" : "reviewer" + n, Start.AddMinutes(n), "initial", 1,
        $$"""{"comment":"第{{n}}步"}""");

    async Task AppendAsync(AuditTrail trail, int from, int to)
    {
        for (int n = from; n <= to; n++)
        {
            await trail.AppendAsync(_item, Event(n));
        }
    }

    async Task<List<TableEntity>> EntryRowsAsync() =>
        await Table.QueryAsync<TableEntity>(e => e.PartitionKey == _item).Where(e => char.IsDigit(e.RowKey[0])).OrderBy(e => e.RowKey).ToListAsync();

    /// <summary>The previous, unkeyed algorithm: what a rewriter without the key can compute.</summary>
    static string PlainSha256(TableEntity row, string previousHash)
    {
        var text = new StringBuilder("audit-v1\n");
        void Field(string? value) => text.Append(value is null ? "-\n" : $"{value.Length}:{value}\n");
        Field(long.Parse(row.RowKey, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        Field(row.GetString("EventId"));
        Field(row.GetString("Action"));
        Field(row.GetString("Actor"));
        Field(row.GetString("At"));
        Field(row.GetString("Stage"));
        Field(row.GetInt32("Version")?.ToString(CultureInfo.InvariantCulture));
        Field(row.GetString("Details"));
        Field(previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Rewrites rows from <paramref name="fromSequence"/> on with <paramref name="hash"/>, re-chaining them and the head.</summary>
    async Task RewriteAsync(int fromSequence, Func<TableEntity, string, string> hash, string newDetails = """{"comment":"篡改后的意见"}""")
    {
        var rows = await EntryRowsAsync();
        string previous = fromSequence == 1 ? AuditHash.Genesis : rows[fromSequence - 2].GetString("Hash")!;
        foreach (var row in rows.Skip(fromSequence - 1))
        {
            row["Details"] = newDetails;
            row["PreviousHash"] = previous;
            row["Hash"] = previous = hash(row, previous);
            await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
        }

        var head = (await Table.GetEntityAsync<TableEntity>(_item, "~head")).Value;
        head["LastHash"] = previous;
        await Table.UpdateEntityAsync(head, ETag.All, TableUpdateMode.Replace);
    }

    /// <summary>What a holder of the real key could compute.</summary>
    static Func<TableEntity, string, string> WithKey(string itemId, string key)
    {
        var ring = new AuditKeyRing(key);
        return (row, previous) => AuditHash.Compute(ring, row.GetString("KeyId")!, itemId, long.Parse(row.RowKey, CultureInfo.InvariantCulture),
            row.GetString("EventId")!, row.GetString("Action")!, row.GetString("Actor")!,
            DateTimeOffset.Parse(row.GetString("At")!, CultureInfo.InvariantCulture), row.GetString("Stage"), row.GetInt32("Version"),
            row.GetString("Details"), previous)!;
    }

    [Fact]
    public async Task UntouchedTrail_Verifies()
    {
        await AppendAsync(Trail(), 1, 5);

        var view = await Trail().ReadAsync(_item, itemExists: true);

        Assert.True(view.Verified);
        Assert.Null(view.FirstBrokenSequence);
        Assert.All(view.Entries, e => Assert.Equal(new AuditKeyRing(Key).CurrentKeyId, e.KeyId));
    }

    [Fact]
    public async Task EveryRowAndTheHeadRewrittenWithRecomputedPlainSha256_IsNotVerified()
    {
        await AppendAsync(Trail(), 1, 5);

        await RewriteAsync(1, PlainSha256);

        var view = await Trail().ReadAsync(_item, itemExists: true);
        Assert.False(view.Verified);
        Assert.Equal(1, view.FirstBrokenSequence);
        Assert.Contains("被改动", view.Problem);
        Assert.All(view.Entries, e => Assert.Equal("""{"comment":"篡改后的意见"}""", e.Details));
    }

    [Fact]
    public async Task EveryRowRewrittenWithAGuessedKey_IsNotVerified()
    {
        await AppendAsync(Trail(), 1, 3);

        await RewriteAsync(1, WithKey(_item, "an-attacker-guessed-key-0123456789abcdef"));

        var view = await Trail().ReadAsync(_item, itemExists: true);
        Assert.False(view.Verified);
        Assert.Equal(1, view.FirstBrokenSequence);
    }

    [Fact]
    public async Task AllRowsOfAnExistingItemDeleted_IsUnverified()
    {
        await AppendAsync(Trail(), 1, 4);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == _item))
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var view = await Trail().ReadAsync(_item, itemExists: true);

        Assert.Empty(view.Entries);
        Assert.False(view.Verified);
        Assert.Equal(1, view.FirstBrokenSequence);
        Assert.Contains("没有任何审计记录", view.Problem);
    }

    [Fact]
    public async Task AllRowsDeletedAfterAnchoring_IsUnverifiedEvenWithoutKnowingTheItemExists()
    {
        await AppendAsync(Trail(), 1, 2);
        await Anchorer().AnchorPendingAsync();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == _item))
        {
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var view = await Trail().ReadAsync(_item);

        Assert.False(view.Verified);
        Assert.Equal(2, view.AnchoredThrough);
    }

    [Theory]
    [InlineData("Details", """{"comment":"同意发布"}""")] // the reviewer's words changed
    [InlineData("Actor", "reviewer9")]                  // who decided
    [InlineData("Action", "approved")]                  // what was decided
    [InlineData("At", "2026-02-12T01:33:00.0000000Z")]  // when
    public async Task OneMiddleEntryEdited_ReportsItAsTheFirstBroken(string column, string value)
    {
        await AppendAsync(Trail(), 1, 5);
        var row = (await Table.GetEntityAsync<TableEntity>(_item, "0000000003")).Value;
        row[column] = value;
        await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var view = await Trail().ReadAsync(_item, itemExists: true);

        Assert.False(view.Verified);
        Assert.Equal(3, view.FirstBrokenSequence);
        Assert.Contains("第 3 条", view.Problem);
    }

    [Fact]
    public async Task MiddleEntryDeleted_ReportsTheGap()
    {
        await AppendAsync(Trail(), 1, 5);
        await Table.DeleteEntityAsync(_item, "0000000002");

        var view = await Trail().ReadAsync(_item, itemExists: true);

        Assert.False(view.Verified);
        Assert.Equal(2, view.FirstBrokenSequence);
    }

    [Fact]
    public async Task KeyHolderRewritesAfterAnchoring_TheAnchorsReportTheFirstUnvouchedEntry()
    {
        var trail = Trail();
        await AppendAsync(trail, 1, 1);
        await Anchorer().AnchorPendingAsync(); // vouches for entry 1
        await AppendAsync(trail, 2, 3);
        await Anchorer().AnchorPendingAsync(); // vouches for 1–3
        await AppendAsync(trail, 4, 5);

        // With the real key every HMAC is valid again; only the append-only anchors still know the truth.
        await RewriteAsync(2, WithKey(_item, Key));

        var view = await Trail().ReadAsync(_item, itemExists: true);
        Assert.False(view.Verified);
        Assert.Equal(2, view.FirstBrokenSequence);
        Assert.Contains("存证", view.Problem);
        Assert.Equal(3, view.AnchoredThrough);
    }

    [Fact]
    public async Task KeyHolderRewritesOnlyAfterTheLastAnchor_IsUndetectable_AndTheViewSaysHowFarAnchorsReach()
    {
        var trail = Trail();
        await AppendAsync(trail, 1, 3);
        await Anchorer().AnchorPendingAsync();
        await AppendAsync(trail, 4, 5);

        await RewriteAsync(5, WithKey(_item, Key));

        // The limit of the design, stated rather than hidden: entries after the last anchor rest on the key alone.
        var view = await Trail().ReadAsync(_item, itemExists: true);
        Assert.True(view.Verified);
        Assert.Equal(3, view.AnchoredThrough);
    }

    [Fact]
    public async Task KeyHolderTruncatesTheEndAfterAnchoring_IsNotVerified()
    {
        var trail = Trail();
        await AppendAsync(trail, 1, 5);
        await Anchorer().AnchorPendingAsync();
        var rows = await EntryRowsAsync();
        await Table.DeleteEntityAsync(_item, "0000000005");
        await Table.DeleteEntityAsync(_item, "0000000004");
        var head = (await Table.GetEntityAsync<TableEntity>(_item, "~head")).Value;
        head["LastSequence"] = 3L;
        head["LastHash"] = rows[2].GetString("Hash");
        await Table.UpdateEntityAsync(head, ETag.All, TableUpdateMode.Replace);

        var view = await Trail().ReadAsync(_item, itemExists: true);

        Assert.False(view.Verified);
        Assert.Equal(4, view.FirstBrokenSequence);
    }

    [Fact]
    public async Task LastEntryAndHeadDeletedWithoutAnchors_IsStillCaughtByTheHeadUntilItIsRewritten()
    {
        await AppendAsync(Trail(), 1, 3);
        await Table.DeleteEntityAsync(_item, "0000000003");

        var view = await Trail().ReadAsync(_item, itemExists: true);

        Assert.False(view.Verified);
        Assert.Equal(3, view.FirstBrokenSequence);
    }

    [Fact]
    public async Task AnotherItemsTrailCopiedOver_IsNotVerified_BecauseTheItemIdIsInsideEveryHash()
    {
        string other = Guid.NewGuid().ToString("N");
        var trail = Trail();
        await AppendAsync(trail, 1, 3);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == _item))
        {
            row.PartitionKey = other;
            await Table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        var view = await trail.ReadAsync(other, itemExists: true);

        Assert.Equal(3, view.Entries.Count);
        Assert.False(view.Verified);
        Assert.Equal(1, view.FirstBrokenSequence);
    }

    [Fact]
    public async Task AfterKeyRotation_OldEntriesVerifyWithTheRetiredKey_AndNotWithoutIt()
    {
        const string newKey = "the-rotated-audit-hmac-key-0123456789abcdef";
        await AppendAsync(Trail(Key), 1, 2);
        await AppendAsync(Trail(newKey, Key), 3, 4);

        Assert.True((await Trail(newKey, Key).ReadAsync(_item, itemExists: true)).Verified);
        var withoutRetired = await Trail(newKey).ReadAsync(_item, itemExists: true);
        Assert.False(withoutRetired.Verified);
        Assert.Equal(1, withoutRetired.FirstBrokenSequence);
        Assert.Contains("RetiredHmacKeys", withoutRetired.Problem);
    }

    [Fact]
    public async Task Anchorer_AnchorsEachChangedHeadOnce_AndAgainAfterNewEntries()
    {
        var trail = Trail();
        await AppendAsync(trail, 1, 2);

        Assert.Equal(1, await Anchorer().AnchorPendingAsync());
        Assert.Equal(0, await Anchorer().AnchorPendingAsync());
        await AppendAsync(trail, 3, 3);
        Assert.Equal(1, await Anchorer().AnchorPendingAsync());

        var anchors = await Anchors().ReadAsync(_item);
        Assert.Equal([2L, 3L], anchors.Select(a => a.Sequence));
        var entries = (await trail.ReadAsync(_item)).Entries;
        Assert.Equal(entries[1].Hash, anchors[0].Hash);
        Assert.Equal(entries[2].Hash, anchors[1].Hash);
    }

    [Fact]
    public async Task AnchoringWhileAppending_LeavesTheFinalHeadAnchored()
    {
        var trail = Trail();
        var appends = Task.Run(() => AppendAsync(trail, 1, 15));
        var anchoring = Task.Run(async () =>
        {
            while (!appends.IsCompleted)
            {
                await Anchorer().AnchorPendingAsync();
            }
        });
        await Task.WhenAll(appends, anchoring);

        await Anchorer().AnchorPendingAsync();

        var anchors = await Anchors().ReadAsync(_item);
        Assert.Equal(15, anchors.Max(a => a.Sequence));
        Assert.True((await trail.ReadAsync(_item, itemExists: true)).Verified);
    }

    [Fact]
    public void MissingOrUnresolvedKey_RefusesToConstruct()
    {
        Assert.Throws<InvalidOperationException>(() => Trail(""));
        Assert.Throws<InvalidOperationException>(() => Trail("too-short"));
        Assert.Throws<InvalidOperationException>(() => Trail("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/audit-hmac-key)"));
    }
}
