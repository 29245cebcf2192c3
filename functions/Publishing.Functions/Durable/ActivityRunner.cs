using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Publishing.Functions.Durable;

/// <summary>
/// What the Durable Task source generator would emit (it is not available here): runs a library activity,
/// built with the function's services, from its <c>[ActivityTrigger]</c> wrapper.
/// </summary>
static class ActivityRunner
{
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, function.InvocationId), input);
    }

    sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId { get; } = instanceId;
    }
}
