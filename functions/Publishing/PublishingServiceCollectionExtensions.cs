using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Items;
using Publishing.Review;
using Publishing.Storage;

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

        services.AddReview(configuration);
        return services;
    }

    static IServiceCollection AddReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.DueWorkingDays >= 1 && o.MaxBodyBytes > 0, "Publishing:Review needs DueWorkingDays ≥ 1 and MaxBodyBytes > 0.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReviewOptions>>().Value);
        services.AddOptions<ItemReadModelOptions>().BindConfiguration("Publishing:Items");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ItemReadModelOptions>>().Value);
        services.AddOptions<FindingsStoreOptions>().BindConfiguration("Publishing:Items");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FindingsStoreOptions>>().Value);
        services.AddSingleton<ItemReadModel>();
        services.AddSingleton<FindingsStore>();
        services.AddSingleton<SubmissionService>();
        return services;
    }
}
