using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Publishing.Review;

public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.DueWorkingDays >= 1 && o.MaxBodyBytes > 0, "Publishing:Review needs DueWorkingDays ≥ 1 and MaxBodyBytes > 0.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReviewOptions>>().Value);
        return services;
    }
}
