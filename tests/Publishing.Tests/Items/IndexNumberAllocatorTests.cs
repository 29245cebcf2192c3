using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Publishing.Items;
using Publishing.Testing;

namespace Publishing.Tests.Items;

public class IndexNumberAllocatorTests
{
    readonly IndexNumberAllocator _allocator = new(
        new TableServiceClient(TestStorage.ConnectionString),
        Options.Create(new IndexNumberOptions
        {
            TableName = TestStorage.UniqueName("counters"),
            DefaultCategoryCode = "xxgk",
            CategoryCodes = new() { ["商务"] = "swj", ["财政"] = "czj" },
        }));

    // Each test uses its own org code so tests in this class never share a counter.
    static string NewOrg() => "11" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Allocate_FirstNumberOfTheYear_HasTheDisclosedFormat()
    {
        string org = NewOrg();

        Assert.Equal($"{org}/swj/2023-0000001", await _allocator.AllocateAsync(org, "商务", 2023));
        Assert.Equal($"{org}/czj/2023-0000002", await _allocator.AllocateAsync(org, "财政", 2023));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("没有配置的分类")]
    public async Task Allocate_UnmappedOrEmptyCategory_UsesDefaultCode(string? category)
    {
        string org = NewOrg();

        Assert.Equal($"{org}/xxgk/2026-0000001", await _allocator.AllocateAsync(org, category, 2026));
    }

    [Fact]
    public async Task Allocate_ThirtyInParallel_HandsOutOneToThirtyExactlyOnce()
    {
        string org = NewOrg();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(_ => Task.Run(() => _allocator.AllocateAsync(org, "商务", 2025))));

        var sequences = numbers.Select(n => int.Parse(n[^7..], System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, 30), sequences);
        Assert.All(numbers, n => Assert.StartsWith($"{org}/swj/2025-", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Allocate_OtherYearOrOrg_CountsIndependently()
    {
        string org = NewOrg(), other = NewOrg();
        await _allocator.AllocateAsync(org, "商务", 2025);
        await _allocator.AllocateAsync(org, "商务", 2025);

        Assert.Equal($"{org}/swj/2026-0000001", await _allocator.AllocateAsync(org, "商务", 2026));
        Assert.Equal($"{other}/swj/2025-0000001", await _allocator.AllocateAsync(other, "商务", 2025));
        Assert.Equal($"{org}/swj/2025-0000003", await _allocator.AllocateAsync(org, "商务", 2025));
    }

    [Fact]
    public async Task AllocateOnce_SameKeyReplayed_ReturnsTheSameNumberWithoutAGap()
    {
        string org = NewOrg();

        string first = await _allocator.AllocateOnceAsync(org, "商务", 2026, "item-42");
        var replays = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => Task.Run(() => _allocator.AllocateOnceAsync(org, "商务", 2026, "item-42"))));
        string next = await _allocator.AllocateOnceAsync(org, "商务", 2026, "item-43");

        Assert.Equal($"{org}/swj/2026-0000001", first);
        Assert.All(replays, r => Assert.Equal(first, r));
        Assert.Equal($"{org}/swj/2026-0000002", next);
    }

    [Fact]
    public async Task AllocateOnce_ParallelDistinctKeys_AreGapFree()
    {
        string org = NewOrg();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => _allocator.AllocateOnceAsync(org, null, 2026, "item-" + i))));

        Assert.Equal(Enumerable.Range(1, 10), numbers.Select(n => int.Parse(n[^7..], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Theory]
    [InlineData("11/23")]
    [InlineData("11 23")]
    public async Task Allocate_OrgCodeThatWouldBreakTheFormat_IsRejected(string orgCode)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _allocator.AllocateAsync(orgCode, "商务", 2026));
    }
}
