using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Items;

namespace Publishing.Review;

public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.DueWorkingDays >= 1 && o.MaxBodyBytes > 0, "Publishing:Review needs DueWorkingDays ≥ 1 and MaxBodyBytes > 0.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReviewOptions>>().Value);
        services.AddOptions<ItemReadModelOptions>().BindConfiguration("Publishing:Items");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ItemReadModelOptions>>().Value);
        services.AddSingleton<ItemReadModel>();
        services.AddSingleton<FindingsStore>();
        services.AddSingleton<SubmissionService>();
        return services;
    }
}
