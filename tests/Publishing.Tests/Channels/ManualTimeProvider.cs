namespace Publishing.Tests.Channels;

/// <summary>A clock the test moves by hand, so token expiry is tested without waiting two hours.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
