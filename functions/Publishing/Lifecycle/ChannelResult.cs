namespace Publishing.Lifecycle;

/// <summary>What one channel ended with.</summary>
public sealed record ChannelResult(string Channel, ChannelState State, string? Url, string? Error);

/// <summary>The item status after publishing (or a retry), with every channel's state.</summary>
public sealed record PublishOutcome(ItemStatus Status, IReadOnlyList<ChannelResult> Channels);
