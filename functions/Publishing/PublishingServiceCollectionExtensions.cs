using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Assets;
using Publishing.Channels;
using Publishing.Checks;
using Publishing.Desk;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Outbound;
using Publishing.Review;
using Publishing.Storage;
using Publishing.Supervision;

namespace Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>Registers everything both hosts share: storage clients, domain services, activities' dependencies.</summary>
    public static IServiceCollection AddPublishingCore(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageConnection.FromConfiguration(configuration);
        services.AddSingleton(storage);
        services.AddSingleton(_ => storage.CreateBlobServiceClient());
        services.AddSingleton(_ => storage.CreateTableServiceClient());
        services.AddSingleton(TimeProvider.System);

        services.AddPublishingStorageServices(configuration);
        services.AddLifecycle();
        services.AddReview();
        services.AddSingleton<SubmissionService>();
        services.AddPublishingChecks();
        services.AddPublishingChannels();
        services.AddSupervision();
        services.AddOutbound();
        services.AddAssets();
        services.AddOptions<Identity.RateLimitOptions>().BindConfiguration(Identity.RateLimitOptions.Section)
            .Validate(o => o.Checks.PermitLimit >= 0 && o.Mutations.PermitLimit >= 0 && o.Checks.Window > TimeSpan.Zero && o.Mutations.Window > TimeSpan.Zero,
                "Publishing:RateLimits: PermitLimit must not be negative and Window must be positive.")
            .ValidateOnStart();
        services.AddSingleton<Identity.UserRateLimiter>();
        services.AddDesk();
        return services;
    }
}
