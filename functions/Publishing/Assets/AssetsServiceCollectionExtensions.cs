using Microsoft.Extensions.DependencyInjection;

namespace Publishing.Assets;

public static class AssetsServiceCollectionExtensions
{
    /// <summary>Asset storage, text checks and upload handling, with options from <c>Publishing:Assets</c>.</summary>
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddOptions<AssetOptions>().BindConfiguration(AssetOptions.Section)
            .Validate(o => o.MaxImageBytes > 0 && o.MaxAttachmentBytes > 0 && o.MaxTextChars > 0,
                "Publishing:Assets: MaxImageBytes, MaxAttachmentBytes and MaxTextChars must be positive.")
            .Validate(o => System.Text.RegularExpressions.Regex.IsMatch(o.ContainerName, "^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"),
                "Publishing:Assets:ContainerName is not a valid container name.")
            .ValidateOnStart();
        services.AddSingleton<AssetStore>();
        services.AddSingleton<AttachmentChecker>();
        services.AddSingleton<AssetService>();
        services.AddSingleton<SubmissionAssets>();
        services.AddSingleton<SiteAssets>();
        return services;
    }
}
