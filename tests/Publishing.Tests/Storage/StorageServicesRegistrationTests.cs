using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Audit;
using Publishing.Calendar;
using Publishing.Items;
using Publishing.Notifications;

namespace Publishing.Tests.Storage;

public class StorageServicesRegistrationTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        settings["Publishing:Audit:HmacKey"] = "test-audit-key-of-at-least-thirty-two-chars";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPublishingCore(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddPublishingCore_ResolvesEveryStorageService()
    {
        using var provider = Build([]);

        Assert.NotNull(provider.GetRequiredService<WorkingDayCalendar>());
        Assert.NotNull(provider.GetRequiredService<AuditTrail>());
        Assert.NotNull(provider.GetRequiredService<IndexNumberAllocator>());
        Assert.NotNull(provider.GetRequiredService<ContentStore>());
        Assert.NotNull(provider.GetRequiredService<Inbox>());
        Assert.IsType<CompositeNotifier>(provider.GetRequiredService<INotifier>());
        Assert.Same(provider.GetRequiredService<Inbox>(), provider.GetRequiredService<Inbox>());
    }

    [Fact]
    public void IndexNumberOptions_BindCategoryCodesFromConfiguration()
    {
        using var provider = Build(new()
        {
            ["Publishing:IndexNumbers:DefaultCategoryCode"] = "zfxxgk",
            ["Publishing:IndexNumbers:CategoryCodes:商务"] = "swj",
        });

        var options = provider.GetRequiredService<IOptions<IndexNumberOptions>>().Value;

        Assert.Equal("swj", options.CategoryCode("商务"));
        Assert.Equal("zfxxgk", options.CategoryCode("教育"));
    }

    [Fact]
    public void IndexNumberOptions_CategoryCodeWithSlash_IsRejected()
    {
        using var provider = Build(new() { ["Publishing:IndexNumbers:CategoryCodes:商务"] = "sw/j" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IndexNumberOptions>>().Value);
    }
}
