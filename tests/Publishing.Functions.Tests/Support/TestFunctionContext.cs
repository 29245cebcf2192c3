using Microsoft.Azure.Functions.Worker;

namespace Publishing.Functions.Tests.Support;

/// <summary>
/// The <see cref="FunctionContext"/> a wrapper receives, with the services of the app. Its invocation id is a fresh
/// GUID on purpose: it is what the Functions host passes, and never an orchestration's instance id.
/// </summary>
public sealed class TestFunctionContext(IServiceProvider services) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId { get; } = Guid.NewGuid().ToString();
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext => throw new NotSupportedException();
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();
    public override IInvocationFeatures Features => throw new NotSupportedException();
}
