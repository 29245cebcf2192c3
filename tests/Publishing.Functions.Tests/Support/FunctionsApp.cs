using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Publishing.Functions.Http;
using Publishing.Testing;

namespace Publishing.Functions.Tests.Support;

/// <summary>The Functions app's hand-written wrappers, found by reflection, and the library's services on the test Azurite.</summary>
public static class FunctionsApp
{
    public const string CallbackToken = "wrapper-tests-callback-token";
    public const string AuditKey = "wrapper-tests-audit-hmac-key-0123456789abcdef";

    public static Assembly Assembly { get; } = typeof(ResultAdapter).Assembly;

    public static IReadOnlyList<MethodInfo> Functions { get; } = Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToList();

    public static string NameOf(MethodInfo function) => function.GetCustomAttribute<FunctionAttribute>()!.Name;

    public static bool HasTrigger<TAttribute>(MethodInfo function) where TAttribute : Attribute =>
        function.GetParameters().Any(p => p.GetCustomAttribute<TAttribute>() is not null);

    /// <summary>The library's services as <c>AddPublishingCore</c> registers them in the Functions app, plus what a test adds.</summary>
    public static ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Publishing:WeChat:CallbackToken"] = CallbackToken,
            ["Publishing:Site:BaseUrl"] = "http://127.0.0.1:9/site/",
            ["Publishing:Audit:HmacKey"] = AuditKey,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddPublishingCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
