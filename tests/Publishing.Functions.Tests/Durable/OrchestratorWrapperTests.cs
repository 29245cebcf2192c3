using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Publishing.Functions.Tests.Support;
using Publishing.Http;

namespace Publishing.Functions.Tests.Durable;

/// <summary>
/// Every <c>[OrchestrationTrigger]</c> wrapper hands the library orchestrator of its name the input type that
/// orchestrator declares (a wrong type would deserialize the history's input into the wrong record), runs it on the
/// context it was given, and returns the orchestrator's output type.
/// </summary>
public sealed class OrchestratorWrapperTests
{
    static readonly IReadOnlyList<MethodInfo> Wrappers = FunctionsApp.Functions.Where(FunctionsApp.HasTrigger<OrchestrationTriggerAttribute>).ToList();

    public static TheoryData<string> OrchestratorFunctions() => new(Wrappers.Select(FunctionsApp.NameOf));

    [Theory]
    [MemberData(nameof(OrchestratorFunctions))]
    public async Task Wrapper_RunsTheLibraryOrchestratorOfItsName_OnItsContext_WithItsDeclaredInput(string function)
    {
        var wrapper = Wrappers.Single(m => FunctionsApp.NameOf(m) == function);
        var orchestrator = typeof(PublishingApi).Assembly.GetTypes().Single(t => t.Name == function);
        var (input, output) = Declared(orchestrator);
        var context = new RecordingContext(function);

        var run = (Task)wrapper.Invoke(null, [context])!;
        var thrown = await Record.ExceptionAsync(() => run);

        Assert.Equal(input, context.InputType);
        Assert.Equal(typeof(Task<>).MakeGenericType(output), wrapper.ReturnType);
        // The library orchestrator ran: it reached its first durable call on this context (where the recording stops
        // it), or failed inside itself on the all-default input.
        if (thrown is NullReferenceException)
        {
            Assert.Contains($"{orchestrator.FullName}.{nameof(TaskOrchestrator<object, object>.RunAsync)}", thrown.StackTrace);
        }
        else
        {
            Assert.IsType<RecordingContext.Stopped>(thrown);
            Assert.NotNull(context.FirstCall);
        }
    }

    static (Type Input, Type Output) Declared(Type orchestrator)
    {
        for (var t = orchestrator.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>))
            {
                return (t.GetGenericArguments()[0], t.GetGenericArguments()[1]);
            }
        }

        throw new InvalidOperationException($"{orchestrator} is not a TaskOrchestrator");
    }

    /// <summary>Gives the orchestrator an input whose properties are all default and stops it at its first durable call.</summary>
    sealed class RecordingContext(string name) : TaskOrchestrationContext
    {
        public sealed class Stopped() : Exception("stopped by the test at the first durable call");

        public Type? InputType { get; private set; }
        public string? FirstCall { get; private set; }

        public override TaskName Name => name;
        public override string InstanceId => "item0-v1-publish";
        public override ParentOrchestrationInstance? Parent => null;
        public override DateTime CurrentUtcDateTime => new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        public override bool IsReplaying => false;
        protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

        public override T? GetInput<T>() where T : default
        {
            InputType = typeof(T);
            return (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
        }

        public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
            Stop<TResult>("activity " + name.Name);

        public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
            Stop<TResult>("orchestrator " + orchestratorName.Name);

        public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => Stop<bool>("timer");

        public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
            Stop<T>("event " + eventName);

        public override void SendEvent(string instanceId, string eventName, object payload) => Stop<bool>("send " + eventName);

        public override void SetCustomStatus(object? customStatus) => Stop<bool>("status");

        public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => Stop<bool>("continue-as-new");

        public override Guid NewGuid() => Guid.Empty;

        Task<T> Stop<T>(string call)
        {
            FirstCall ??= call;
            throw new Stopped();
        }
    }
}
