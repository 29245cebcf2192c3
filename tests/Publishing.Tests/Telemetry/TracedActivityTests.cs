using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Publishing.Telemetry;

namespace Publishing.Tests.Telemetry;

/// <summary>
/// On a Durable Task worker, an activity run through <see cref="TracedActivity"/> (as the Functions wrappers run every
/// activity) is a span that names the orchestration that called it, and a failing run is marked as an error.
/// </summary>
public sealed class TracedActivityTests : IAsyncLifetime
{
    readonly ConcurrentBag<Activity> spans = [];
    ActivityListener listener = null!;
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PublishingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddActivity(nameof(EchoActivity), _ => new TracedActivity(new EchoActivity()));
            registry.AddOrchestratorFunc<string, string>("EchoOrchestrator", async (context, input) =>
            {
                try
                {
                    return await context.CallActivityAsync<string>(nameof(EchoActivity), input);
                }
                catch (TaskFailedException)
                {
                    return "failed";
                }
            });
        });
    }

    [Theory]
    [InlineData("稿件", "稿件", ActivityStatusCode.Unset)]
    [InlineData("fail", "failed", ActivityStatusCode.Error)]
    public async Task TracedActivity_RunsInASpanNamingItsOrchestration(string input, string output, ActivityStatusCode status)
    {
        string instanceId = "item" + Guid.NewGuid().ToString("N") + "-v1-publish";
        await host.Client.ScheduleNewOrchestrationInstanceAsync("EchoOrchestrator", input, new StartOrchestrationOptions(instanceId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(output, done.ReadOutputAs<string>());
        var span = Assert.Single(spans, s => (string?)s.GetTagItem(PublishingTelemetry.InstanceIdTag) == instanceId);
        Assert.Equal(nameof(EchoActivity), span.GetTagItem(PublishingTelemetry.TaskNameTag));
        Assert.Equal(status, span.Status);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        listener.Dispose();
    }

    public sealed class EchoActivity : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) =>
            input == "fail" ? throw new InvalidOperationException("演练失败") : Task.FromResult(input);
    }
}
