using Microsoft.DurableTask;

namespace Publishing.Channels;

/// <summary>A person retries one failed channel of a published version; the item status is then re-aggregated.</summary>
public sealed record RetryChannelInput(PublishInput Publish, string Channel);

public sealed class RetryChannelOrchestrator : TaskOrchestrator<RetryChannelInput, PublishOutcome>
{
    static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2));

    public override async Task<PublishOutcome> RunAsync(TaskOrchestrationContext context, RetryChannelInput input)
    {
        await PublishOrchestrator.PublishChannelAsync(context, input.Publish, input.Channel);
        var publish = input.Publish;
        return await context.CallActivityAsync<PublishOutcome>(nameof(FinishPublishingActivity),
            new FinishPublishing(publish.ItemId, publish.Version, publish.Channels, publish.SubmittedBy, context.NewGuid().ToString("N")), StorageRetry);
    }
}
