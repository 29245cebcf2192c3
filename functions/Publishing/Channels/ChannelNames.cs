namespace Publishing.Channels;

/// <summary>Chinese names of channels and publication states for messages.</summary>
public static class ChannelNames
{
    public static string Display(string channel) => channel switch
    {
        Items.Channels.Website => "政府网站",
        Items.Channels.WeChat => "政务微信",
        Items.Channels.Weibo => "政务微博",
        _ => channel,
    };

    public static string DisplayState(string state) => state switch
    {
        PublicationStates.Published => "已发布",
        PublicationStates.Previewed => "已生成预览（未实际发送）",
        PublicationStates.PendingReview => "待平台审核",
        PublicationStates.Failed => "发布失败",
        PublicationStates.Unknown => "结果未知，需人工核实",
        PublicationStates.Retracted => "已撤回",
        _ => "处理中",
    };
}
