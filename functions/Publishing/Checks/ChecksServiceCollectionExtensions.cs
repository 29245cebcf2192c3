using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Publishing.Calendar;
using Publishing.Checks.Catalog;
using Publishing.Content;

namespace Publishing.Checks;

public static class ChecksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sanitizer, the rule set and the check pipeline as singletons. The rules are loaded when the
    /// host starts (a hosted service resolves them), so an invalid rule file stops start-up with file, line and reason.
    /// </summary>
    public static IServiceCollection AddPublishingChecks(this IServiceCollection services)
    {
        services.AddOptions<ChecksOptions>().BindConfiguration(ChecksOptions.Section)
            .Validate(o => o.TimeBudget > TimeSpan.Zero, "Checks:TimeBudget must be positive, e.g. 00:00:05.")
            .ValidateOnStart();
        services.AddSingleton<ArticleSanitizer>();
        services.AddOptions<Links.LinkCheckOptions>().BindConfiguration(Links.LinkCheckOptions.Section);
        services.AddSingleton<Links.LinkChecker>();
        services.AddSingleton(provider =>
        {
            string folder = provider.GetRequiredService<IOptions<ChecksOptions>>().Value.ResolveRulesPath();
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(CheckPipeline).FullName!) ?? NullLogger.Instance;
            try
            {
                var rules = RuleSetLoader.Load(folder);
                ChecksLog.RulesLoaded(logger, rules.Rules.Count, rules.Automaton.StateCount, folder);
                return rules;
            }
            catch (RuleFileException ex)
            {
                ChecksLog.RulesInvalid(logger, folder, ex.Message);
                throw;
            }
        });
        services.AddSingleton(provider => new CheckPipeline(
            provider.GetRequiredService<ArticleSanitizer>(),
            provider.GetRequiredService<RuleSet>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<IOptions<ChecksOptions>>().Value.TimeBudget,
            provider.GetService<WorkingDayCalendar>()));
        services.AddHostedService<CheckRulesStartup>();
        return services;
    }
}
