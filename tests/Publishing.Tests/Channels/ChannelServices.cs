using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels.WeChat;
using Publishing.Channels.Weibo;
using Publishing.Testing.Fakes;

namespace Publishing.Tests.Channels;

/// <summary>
/// The channel clients as the hosts register them (AddWeChatChannel / AddWeiboChannel), pointed at a fake, with short
/// retry delays. Timeout tests pass <see cref="ShortAttemptTimeout"/>; the rest keep a generous one because the
/// machine is shared and a cold fake can take a second to answer.
/// </summary>
internal static class ChannelServices
{
    public static readonly TimeSpan ShortAttemptTimeout = TimeSpan.FromSeconds(2);
    static readonly TimeSpan NormalAttemptTimeout = TimeSpan.FromSeconds(15);

    public static ServiceProvider ForWeChat(WeChatFake fake, TimeProvider? time = null, string? appSecret = null, TimeSpan? attemptTimeout = null) =>
        Build(new Dictionary<string, string?>
        {
            ["Publishing:WeChat:BaseUrl"] = fake.Url,
            ["Publishing:WeChat:AppId"] = fake.AppId,
            ["Publishing:WeChat:AppSecret"] = appSecret ?? fake.AppSecret,
            ["Publishing:WeChat:Author"] = "临沂市政府办公室",
            ["Publishing:WeChat:AttemptTimeout"] = (attemptTimeout ?? NormalAttemptTimeout).ToString(),
            ["Publishing:WeChat:TotalTimeout"] = "00:00:40",
            ["Publishing:WeChat:MaxRetryAttempts"] = "2",
            ["Publishing:WeChat:RetryBaseDelay"] = "00:00:00.050",
        }, services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }

            services.AddWeChatChannel();
        });

    public static ServiceProvider ForWeibo(WeiboFake fake, TimeSpan? attemptTimeout = null) =>
        Build(new Dictionary<string, string?>
        {
            ["Publishing:Weibo:BaseUrl"] = fake.Url,
            ["Publishing:Weibo:AccessToken"] = fake.AccessToken,
            ["Publishing:Weibo:Rip"] = "58.56.23.100",
            ["Publishing:Weibo:AttemptTimeout"] = (attemptTimeout ?? NormalAttemptTimeout).ToString(),
            ["Publishing:Weibo:TotalTimeout"] = "00:00:40",
            ["Publishing:Weibo:MaxRetryAttempts"] = "2",
            ["Publishing:Weibo:RetryBaseDelay"] = "00:00:00.050",
        }, services => services.AddWeiboChannel());

    static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
