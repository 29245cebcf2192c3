using Microsoft.Extensions.DependencyInjection;

namespace Publishing.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>Registers the singleton <see cref="GuardedFetcher"/> with options from <c>Publishing:Outbound</c>.</summary>
    public static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>()
            .BindConfiguration(OutboundOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.ConnectTimeout > TimeSpan.Zero && o.MaxRedirects >= 0 && o.MaxResponseBytes > 0,
                "Publishing:Outbound: Timeout, ConnectTimeout and MaxResponseBytes must be positive, MaxRedirects not negative.")
            // App Service sets WEBSITE_INSTANCE_ID: a deployed app never talks to loopback fakes.
            .Validate(o => o.TestLoopbackPorts.Count == 0 || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID")),
                "Publishing:Outbound:TestLoopbackPorts is for tests only and is refused on App Service.")
            .ValidateOnStart();
        services.AddSingleton<GuardedFetcher>();
        return services;
    }
}
