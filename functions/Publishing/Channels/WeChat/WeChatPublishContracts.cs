namespace Publishing.Channels.WeChat;

/// <summary>A WeChat step either ended the channel (<paramref name="Result"/>) or lets the flow continue.</summary>
public sealed record WeChatStep(ChannelResult? Result, string? PublishId = null, TimeSpan? PollAfter = null, int MaxPolls = 0);

public sealed record WeChatPollRequest(ChannelPublishRequest Request, string PublishId);

public sealed record WeChatOutcome(ChannelPublishRequest Request, WeChatPublishStatus? Status, string? Error);
