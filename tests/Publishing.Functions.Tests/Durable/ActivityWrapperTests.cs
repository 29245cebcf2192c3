using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Functions.Tests.Support;
using Publishing.Http;
using Publishing.Telemetry;

namespace Publishing.Functions.Tests.Durable;

/// <summary>
/// Every <c>[ActivityTrigger]</c> wrapper, called as the Functions host calls it: the activity it runs receives the
/// calling orchestration's instance id (not the function invocation id), and it is the library activity of the
/// function's name.
/// </summary>
public sealed class ActivityWrapperTests : IDisposable
{
    static readonly IReadOnlyList<MethodInfo> Wrappers = FunctionsApp.Functions.Where(FunctionsApp.HasTrigger<ActivityTriggerAttribute>).ToList();

    readonly ConcurrentBag<Activity> spans = [];
    readonly ActivityListener listener;

    public ActivityWrapperTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PublishingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public static TheoryData<string> ActivityFunctions() => new(Wrappers.Select(FunctionsApp.NameOf));

    [Fact]
    public void EveryLibraryActivity_HasAWrapper()
    {
        var activities = typeof(PublishingApi).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && IsActivity(t))
            .Select(t => t.Name)
            .Order();

        Assert.Equal(activities, Wrappers.Select(FunctionsApp.NameOf).Order());
    }

    /// <summary>
    /// The extension's activity trigger offers the orchestration's id as binding data named <c>instanceId</c>
    /// (ActivityTriggerAttributeBindingProvider); a parameter of another name would be left null.
    /// </summary>
    [Theory]
    [MemberData(nameof(ActivityFunctions))]
    public void Wrapper_BindsTheOrchestrationInstanceId_ByTheBindingDataName(string function)
    {
        var parameters = Wrapper(function).GetParameters();

        Assert.Contains(parameters, p => p.Name == "instanceId" && p.ParameterType == typeof(string) && p.GetCustomAttributes().Count() == 0);
        Assert.Equal(1, parameters.Count(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null));
    }

    [Theory]
    [MemberData(nameof(ActivityFunctions))]
    public async Task Wrapper_RunsTheLibraryActivityOfItsName_WithTheCallingOrchestrationsInstanceId(string function)
    {
        await using var services = FunctionsApp.Services();
        var context = new TestFunctionContext(services);
        string instanceId = $"item{Guid.NewGuid():N}-v1-wechat-attempt1";
        var wrapper = Wrapper(function);
        object?[] arguments = wrapper.GetParameters().Select(object? (p) => p.Name switch
        {
            "instanceId" => instanceId,
            "function" => context,
            _ => null, // the input: the activity may fail on it; what it was given is what this test looks at
        }).ToArray();

        try
        {
            await (Task)wrapper.Invoke(null, arguments)!;
        }
        catch (Exception)
        {
            // The null input: an activity that cannot run still ran with the context the wrapper gave it.
        }

        var span = Assert.Single(spans, s => (string?)s.GetTagItem(PublishingTelemetry.InstanceIdTag) == instanceId);
        Assert.Equal(function, span.GetTagItem(PublishingTelemetry.TaskNameTag));
    }

    static MethodInfo Wrapper(string function) => Wrappers.Single(m => FunctionsApp.NameOf(m) == function);

    static bool IsActivity(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(TaskActivity<,>))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => listener.Dispose();
}
