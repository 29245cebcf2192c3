using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Items;

namespace Publishing.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    /// <summary>The kernel every workflow shares: read model, publication records, event recording, status aggregation.</summary>
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddOptions<LifecycleOptions>().BindConfiguration(LifecycleOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LifecycleOptions>>().Value);
        services.AddOptions<ItemReadModelOptions>().BindConfiguration("Publishing:Items");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ItemReadModelOptions>>().Value);
        services.AddSingleton<ItemReadModel>();
        services.AddSingleton<ItemReviewStore>();
        services.AddSingleton<FindingsStore>();
        services.AddSingleton<Publishing.Lifecycle.FindingDismissalStore>();
        services.AddSingleton<PublicationStore>();
        services.AddSingleton<ItemEventRecorder>();
        services.AddSingleton<ItemStatusAggregator>();
        return services;
    }
}
