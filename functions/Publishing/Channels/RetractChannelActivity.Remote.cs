namespace Publishing.Channels;

public sealed partial class RetractChannelActivity
{
    /// <summary>WeChat and Weibo: filled in with the platform clients.</summary>
    Task<ChannelResult> RetractRemoteAsync(PublicationRecord record, ChannelPublishRequest request) =>
        Task.FromResult(new ChannelResult(request.Channel, PublicationStates.Failed, null, "该渠道暂不支持自动撤回，请在平台后台手工删除。"));
}
