using Microsoft.DurableTask;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>A person's claimed retry of one channel. Instance id: <see cref="ItemInstances.Retry"/>.</summary>
public sealed record RetryChannelInput(PublishInput Publish, string Channel, int Attempt);

/// <summary>
/// Runs the claimed attempt of one channel; a website that comes up also sends the social channels that were held
/// for it (each claims its own send, so nothing goes out twice). Then re-aggregates the item status.
/// </summary>
public sealed class RetryChannelOrchestrator : TaskOrchestrator<RetryChannelInput, PublishOutcome>
{
    public override async Task<PublishOutcome> RunAsync(TaskOrchestrationContext context, RetryChannelInput input)
    {
        var publish = input.Publish;
        if (input.Channel == Items.Channels.Website)
        {
            var held = await context.CallActivityAsync<IReadOnlyList<HeldChannel>>(nameof(ListHeldChannelsActivity),
                new ItemVersionRef(publish.ItemId, publish.Version), DurableRetries.Storage);
            await ChannelSteps.FanOutAsync(context,
                [ChannelSteps.Request(publish, Items.Channels.Website, input.Attempt),
                 .. held.Where(h => publish.Channels.Contains(h.Channel)).Select(h => ChannelSteps.Request(publish, h.Channel, h.Attempt))]);
        }
        else
        {
            await ChannelSteps.PublishAsync(context,
                new ChannelPublishRequest(publish.ItemId, publish.Version, publish.ContentHash, input.Channel, input.Attempt));
        }

        return await context.CallActivityAsync<PublishOutcome>(nameof(FinishPublishingActivity),
            new FinishPublishing(publish.ItemId, publish.Version, publish.Channels, $"{input.Channel}-attempt{input.Attempt}"), DurableRetries.Storage);
    }
}
