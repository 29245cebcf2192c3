namespace Publishing.Lifecycle;

/// <summary>Chinese names of the channels for messages.</summary>
public static class ChannelDisplay
{
    public static string Name(string channel) => channel switch
    {
        Items.Channels.Website => "政府网站",
        Items.Channels.WeChat => "政务微信",
        Items.Channels.Weibo => "政务微博",
        _ => channel,
    };
}
