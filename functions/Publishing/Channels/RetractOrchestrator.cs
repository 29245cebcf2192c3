using Microsoft.DurableTask;
using Publishing.Review;

namespace Publishing.Channels;

/// <summary>Input of <see cref="RetractOrchestrator"/>.</summary>
public sealed record RetractInput(string ItemId, int Version, IReadOnlyList<string> Channels, string Actor, string Reason);

/// <summary>Removes an item from every channel where it is out, then marks it Retracted.</summary>
public sealed class RetractOrchestrator : TaskOrchestrator<RetractInput, IReadOnlyList<ChannelResult>>
{
    static readonly TaskOptions RetractRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), 2));

    public static string InstanceIdFor(string itemId, int version) => $"{itemId}-retract-v{version}";

    public override async Task<IReadOnlyList<ChannelResult>> RunAsync(TaskOrchestrationContext context, RetractInput input)
    {
        var results = await Task.WhenAll(input.Channels.Select(async channel =>
        {
            try
            {
                return await context.CallActivityAsync<ChannelResult>(nameof(RetractChannelActivity),
                    new ChannelPublishRequest(input.ItemId, input.Version, "", channel), RetractRetry);
            }
            catch (TaskFailedException e)
            {
                return new ChannelResult(channel, PublicationStates.Failed, null, $"撤回失败：{e.FailureDetails.ErrorMessage}");
            }
        }));

        await context.CallActivityAsync<StageDeadline?>(nameof(RecordItemEventActivity), new ItemEvent(
            input.ItemId, $"v{input.Version}-retracted", "retracted", input.Actor, context.CurrentUtcDateTime, input.Version,
            Status: PublishStatuses.Retracted,
            Details: input.Reason + "；" + string.Join("，", results.Select(r => $"{ChannelNames.Display(r.Channel)}{ChannelNames.DisplayState(r.State)}"))),
            TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2)));
        return results;
    }
}
