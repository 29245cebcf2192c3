using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Input of <see cref="RetractOrchestrator"/>. Instance id: <see cref="ItemInstances.Retract"/> (one per round).</summary>
/// <param name="WaitInterval">How often a channel whose publish is still in flight is looked at again.</param>
/// <param name="MaxWaits">How many times; after that the round ends as RetractFailed for that channel.</param>
public sealed record RetractInput(
    string ItemId, int Version, IReadOnlyList<string> Channels, string Actor, string Reason, int Round,
    TimeSpan WaitInterval, int MaxWaits);

/// <summary>One channel of one retraction round.</summary>
public sealed record RetractChannel(ChannelPublishRequest Request, int Round);

public enum RetractStart
{
    /// <summary>Confirmed down before this round: nothing to do.</summary>
    AlreadyDown,
    /// <summary>A send (e.g. a WeChat publish job) is in flight: wait for it to end, then take the post down.</summary>
    InFlight,
    /// <summary>Claimed as <c>retracting</c>: take it down now.</summary>
    Started,
}

public sealed record RetractBegun(RetractStart Start);

/// <summary>Section <c>Publishing:Retract</c>.</summary>
public sealed class RetractOptions
{
    public const string Section = "Publishing:Retract";

    public TimeSpan WaitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a round waits for a send in flight (a WeChat publish job) before reporting it.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxWaits => (int)Math.Max(1, Math.Ceiling(MaxWait / WaitInterval));
}
