using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;

namespace Publishing.Channels;

public static class ChannelsServiceCollectionExtensions
{
    public static IServiceCollection AddPublishingChannels(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .Validate(o => o.BaseUrl.IsAbsoluteUri && o.BaseUrl.AbsoluteUri.EndsWith('/') && o.PageSize > 0,
                "Publishing:Site:BaseUrl must be an absolute URL ending in '/', and PageSize positive.")
            .Validate(o => o.FeedSize > 0 && o.SitemapChunkSize is > 0 and <= 50_000, "Publishing:Site:FeedSize must be positive and SitemapChunkSize 1–50000.")
            .ValidateOnStart();
        services.AddSingleton<WebsitePublisher>();
        services.AddSingleton<SiteFiles>();
        services.AddSingleton<WeChatNonceCache>();
        services.AddSingleton<ContentIntegrity>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<ChannelCommands>();
        services.AddOptions<RetractOptions>().BindConfiguration(RetractOptions.Section)
            .Validate(o => o.WaitInterval > TimeSpan.Zero && o.MaxWait >= o.WaitInterval, "Publishing:Retract needs WaitInterval > 0 and MaxWait ≥ WaitInterval.")
            .ValidateOnStart();
        services.AddWeChatChannel();
        services.AddWeiboChannel();
        return services;
    }
}
