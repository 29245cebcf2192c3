using Microsoft.Extensions.Hosting;
using Publishing.Checks.Catalog;

namespace Publishing.Checks;

/// <summary>Loads the rule set while the host starts, so a bad rule file fails start-up rather than the first request.</summary>
sealed class CheckRulesStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(RuleSet));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
