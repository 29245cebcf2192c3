using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Telemetry;

namespace Publishing.Functions.Durable;

/// <summary>
/// What the Durable Task source generator would emit (it is not available here): runs a library activity, built with
/// the function's services, from its <c>[ActivityTrigger]</c> wrapper. The wrapper's <c>string instanceId</c>
/// parameter is bound from the activity trigger's binding data (<c>instanceId</c>: the calling orchestration's id),
/// the same binding the generator uses; the function invocation id is not an orchestration id.
/// </summary>
static class ActivityRunner
{
    public static async Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, string instanceId, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = new TracedActivity(ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices));
        return (TOutput)(await activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input))!;
    }

    sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId { get; } = instanceId;
    }
}
