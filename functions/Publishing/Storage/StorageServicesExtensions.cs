using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Calendar;
using Publishing.Items;
using Publishing.Notifications;

namespace Publishing.Storage;

public static partial class StorageServicesExtensions
{
    /// <summary>
    /// Working-day calendar, audit trail, 索引号 allocator, content store and notifications. Needs the
    /// <c>TableServiceClient</c> and <c>BlobServiceClient</c> singletons that <c>AddPublishingCore</c> registers.
    /// </summary>
    public static IServiceCollection AddPublishingStorageServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditTrailOptions>()
            .Bind(configuration.GetSection(AuditTrailOptions.Section))
            .Validate(o => TableName().IsMatch(o.TableName), $"{AuditTrailOptions.Section}:TableName is not a valid table name.")
            .Validate(o => AuditKeyRing.IsUsable(o.HmacKey),
                $"{AuditTrailOptions.Section}:HmacKey must be a secret of at least {AuditKeyRing.MinimumKeyLength} characters (Key Vault secret audit-hmac-key in Azure).")
            .Validate(o => ContainerName().IsMatch(o.AnchorContainerName) && o.AnchorInterval > TimeSpan.Zero,
                $"{AuditTrailOptions.Section}:AnchorContainerName must be a valid container name and AnchorInterval positive.")
            .ValidateOnStart();
        services.AddOptions<IndexNumberOptions>()
            .Bind(configuration.GetSection(IndexNumberOptions.Section))
            .Validate(o => TableName().IsMatch(o.TableName), $"{IndexNumberOptions.Section}:TableName is not a valid table name.")
            .Validate(o => CategoryCode().IsMatch(o.DefaultCategoryCode) && o.CategoryCodes.Values.All(CategoryCode().IsMatch),
                $"{IndexNumberOptions.Section}: category codes must be letters or digits (they become part of the 索引号).")
            .ValidateOnStart();
        services.AddOptions<ContentStoreOptions>()
            .Bind(configuration.GetSection(ContentStoreOptions.Section))
            .Validate(o => ContainerName().IsMatch(o.ContainerName), $"{ContentStoreOptions.Section}:ContainerName is not a valid container name.")
            .ValidateOnStart();
        services.AddOptions<InboxOptions>()
            .Bind(configuration.GetSection(InboxOptions.Section))
            .Validate(o => TableName().IsMatch(o.TableName), $"{InboxOptions.Section}:TableName is not a valid table name.")
            .ValidateOnStart();

        services.AddSingleton(sp => WorkingDayCalendar.LoadEmbedded(sp.GetService<ILogger<WorkingDayCalendar>>()));
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditAnchorStore>();
        services.AddSingleton<AuditAnchorer>();
        services.AddSingleton<IndexNumberAllocator>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<LogNotifier>();
        services.AddSingleton<INotifier>(sp => new CompositeNotifier(
            [sp.GetRequiredService<Inbox>(), sp.GetRequiredService<LogNotifier>()]));
        return services;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex CategoryCode();
}
