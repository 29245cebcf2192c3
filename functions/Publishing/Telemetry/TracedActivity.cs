using Microsoft.DurableTask;

namespace Publishing.Telemetry;

/// <summary>
/// Runs a library activity inside its span (<see cref="PublishingTelemetry.StartActivityTask"/>), tagged with the
/// orchestration that called it. The Functions app's wrappers run every activity through it; the local host's worker
/// gets the Durable Task SDK's own activity spans (source <c>Microsoft.DurableTask</c>).
/// </summary>
public sealed class TracedActivity(ITaskActivity inner) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        using var span = PublishingTelemetry.StartActivityTask(context);
        try
        {
            return await inner.RunAsync(context, input);
        }
        catch (Exception e)
        {
            PublishingTelemetry.RecordFailure(span, e);
            throw;
        }
    }
}
