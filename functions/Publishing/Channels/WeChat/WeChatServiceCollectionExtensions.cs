using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Publishing.Channels.WeChat;

public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WeChatClient"/> (typed HttpClient), the singleton <see cref="WeChatTokenCache"/> and
    /// options from <c>Publishing:WeChat</c>. Both HTTP clients share the resilience pipeline of <see cref="ChannelResilience"/>.
    /// </summary>
    public static IServiceCollection AddWeChatChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WeChatOptions>()
            .BindConfiguration(WeChatOptions.Section)
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, "Publishing:WeChat:BaseUrl must be an absolute URL.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout,
                "Publishing:WeChat:TotalTimeout must be at least AttemptTimeout, and both positive.")
            .Validate(o => !o.SafeMode || (WeChatMessageCrypto.IsValidKey(o.EncodingAesKey) && ChannelSecrets.IsSet(o.AppId)),
                "Publishing:WeChat:EncodingAesKey must be the 43-character key from the 公众平台, and AppId must be set with it.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WeChatTokenCache>();

        services.AddHttpClient(WeChatTokenCache.HttpClientName, ConfigureHttpClient)
            .AddResilienceHandler("wechat" + "-token", ConfigurePipeline);
        services.AddHttpClient<WeChatClient>(ConfigureHttpClient)
            .AddResilienceHandler("wechat", ConfigurePipeline);
        return services;
    }

    static void ConfigureHttpClient(IServiceProvider provider, HttpClient http) =>
        ChannelResilience.ConfigureHttpClient(http, provider.GetRequiredService<IOptionsMonitor<WeChatOptions>>().CurrentValue);

    static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context) =>
        ChannelResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptionsMonitor<WeChatOptions>>().CurrentValue);
}
