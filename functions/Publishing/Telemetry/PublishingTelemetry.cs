using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Telemetry;

/// <summary>
/// The product's own spans and counters, the same in both hosts. Names follow the OpenTelemetry conventions; the
/// durable tags use the names the Durable Task SDK gives its own spans, so the two line up in a trace view.
/// </summary>
public static class PublishingTelemetry
{
    public const string Name = "Publishing";
    public const string ItemStatusChanges = "publishing.items.status_changes";
    public const string ChannelOutcomes = "publishing.publications";
    public const string InstanceIdTag = "durabletask.task.instance_id";
    public const string TaskNameTag = "durabletask.task.name";

    static readonly ActivitySource Source = new(Name);
    static readonly Meter Meter = new(Name);

    static readonly Counter<long> StatusChanges = Meter.CreateCounter<long>(
        ItemStatusChanges, unit: "{item}", description: "Items that reached a status, by status.");

    static readonly Counter<long> Outcomes = Meter.CreateCounter<long>(
        ChannelOutcomes, unit: "{publication}", description: "Channel state changes of publications, by channel and the state reached.");

    /// <summary>A span around one activity run, tagged with the orchestration it belongs to; null when nobody listens.</summary>
    public static Activity? StartActivityTask(TaskActivityContext context)
    {
        var span = Source.StartActivity("activity " + context.Name.Name, ActivityKind.Internal);
        span?.SetTag(TaskNameTag, context.Name.Name);
        span?.SetTag(InstanceIdTag, context.InstanceId);
        return span;
    }

    public static void RecordFailure(Activity? span, Exception exception)
    {
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span?.AddException(exception);
    }

    public static void ItemReached(ItemStatus status) =>
        StatusChanges.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    public static void ChannelReached(string channel, ChannelState state) =>
        Outcomes.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", state.ToApi()));
}
