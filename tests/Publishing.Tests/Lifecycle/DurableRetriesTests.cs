using Publishing.Lifecycle;

namespace Publishing.Tests.Lifecycle;

public sealed class DurableRetriesTests
{
    [Fact]
    public void TheProductionStoragePolicy_RidesOutAFiveMinuteOutage_WithCappedBackOff()
    {
        var policy = DurableRetries.StoragePolicy(DurableRetries.DefaultStorageWindow);
        var delays = DurableRetries.Delays(policy).ToList();

        // The last attempt starts after the outage ended (attempts run at 0, d1, d1+d2 …).
        Assert.True(delays.Aggregate(TimeSpan.Zero, (a, b) => a + b) > TimeSpan.FromMinutes(5), string.Join(", ", delays));
        Assert.True(delays[0] <= TimeSpan.FromSeconds(1), "a passing blip is retried within a second");
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromMinutes(2), $"{d} is not capped"));
        Assert.True(delays.Count < 20, $"{delays.Count} attempts hammer storage");
        Assert.True(DurableRetries.DefaultStorageWindow >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void AShortTestWindow_KeepsTheSameShape()
    {
        var delays = DurableRetries.Delays(DurableRetries.StoragePolicy(TimeSpan.FromSeconds(4))).ToList();

        Assert.True(delays.Count >= 4, string.Join(", ", delays));
        Assert.True(delays.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= TimeSpan.FromSeconds(4));
        Assert.Equal(delays.Order(), delays);
    }
}
