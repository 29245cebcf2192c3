using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Expiry;
using Publishing.Lifecycle;

namespace Publishing.Functions.Durable;

/// <summary>Hand-written <c>[Function]</c> wrappers of the 公示 expiry.</summary>
public static class ExpiryWorkflowFunctions
{
    [Function(nameof(ExpiryOrchestrator))]
    public static Task<bool> ExpiryOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ExpiryOrchestrator().RunAsync(context, context.GetInput<ItemVersionRef>()!);

    [Function(nameof(ReadExpiryActivity))]
    public static Task<DateTimeOffset?> ReadExpiry([ActivityTrigger] ItemVersionRef input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<ReadExpiryActivity, ItemVersionRef, DateTimeOffset?>(function, instanceId, input);

    [Function(nameof(ExpireFromWebsiteActivity))]
    public static Task<bool> ExpireFromWebsite([ActivityTrigger] ItemVersionRef input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<ExpireFromWebsiteActivity, ItemVersionRef, bool>(function, instanceId, input);
}
