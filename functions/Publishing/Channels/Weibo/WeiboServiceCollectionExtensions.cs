using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Publishing.Channels.Weibo;

public static class WeiboServiceCollectionExtensions
{
    /// <summary>Registers <see cref="WeiboClient"/> (typed HttpClient with <see cref="ChannelResilience"/>) and options from <c>Publishing:Weibo</c>.</summary>
    public static IServiceCollection AddWeiboChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WeiboOptions>()
            .BindConfiguration(WeiboOptions.Section)
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, "Publishing:Weibo:BaseUrl must be an absolute URL.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout,
                "Publishing:Weibo:TotalTimeout must be at least AttemptTimeout, and both positive.")
            .ValidateOnStart();

        services.AddHttpClient<WeiboClient>(ConfigureHttpClient)
            .AddResilienceHandler("weibo", ConfigurePipeline);
        return services;
    }

    static void ConfigureHttpClient(IServiceProvider provider, HttpClient http) =>
        ChannelResilience.ConfigureHttpClient(http, provider.GetRequiredService<IOptionsMonitor<WeiboOptions>>().CurrentValue);

    static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context) =>
        ChannelResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptionsMonitor<WeiboOptions>>().CurrentValue);
}
