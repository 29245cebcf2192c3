using Microsoft.DurableTask;
using Publishing.Channels;
using Publishing.Expiry;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Workflow;

/// <summary>Starts an item's life. Instance id: <see cref="ItemInstances.Item"/> (the item id); commands are raised to it.</summary>
public sealed record ItemInput(string ItemId, string Kind, string SubmittedBy, int Version, IReadOnlyList<string> Stages);

/// <summary>How the item's orchestration ended.</summary>
public sealed record ItemOutcome(ItemStatus Status, int Version, string? ContentHash);

/// <summary>
/// The top of an item's life: the review of each version, then — through the approval record, the only thing the
/// two share — publishing of the approved version. Review and Channels do not know each other; this chains them.
/// </summary>
public sealed class ItemOrchestrator : TaskOrchestrator<ItemInput, ItemOutcome>
{
    public override async Task<ItemOutcome> RunAsync(TaskOrchestrationContext context, ItemInput input)
    {
        ReviewOutcome review = await ReviewProcess.RunAsync(context,
            new ReviewInput(input.ItemId, input.Kind, input.SubmittedBy, input.Version, input.Stages));
        switch (review.End)
        {
            case ReviewEnd.Approved:
                ApprovalRecord approval = review.Approval!;
                PublishOutcome published = await context.CallSubOrchestratorAsync<PublishOutcome>(
                    nameof(PublishOrchestrator), PublishInput.From(approval, input.SubmittedBy),
                    new SubOrchestrationOptions { InstanceId = ItemInstances.Publish(input.ItemId, approval.Version) });
                if (published.Status is ItemStatus.Published or ItemStatus.PartiallyPublished)
                {
                    // A 公示 with an end date leaves the website then; without one this returns at once.
                    await context.CallSubOrchestratorAsync<bool>(nameof(ExpiryOrchestrator), new ItemVersionRef(input.ItemId, approval.Version),
                        new SubOrchestrationOptions { InstanceId = ItemInstances.Publish(input.ItemId, approval.Version) + "-expiry" });
                }

                return new ItemOutcome(published.Status, approval.Version, approval.ContentHash);
            case ReviewEnd.Revised:
                // Each version starts a fresh history: decisions on older versions never count for the new one.
                context.ContinueAsNew(input with { Version = review.Version }, preserveUnprocessedEvents: true);
                return new ItemOutcome(ItemStatus.Submitted, review.Version, null);
            default:
                return new ItemOutcome(ItemStatus.Withdrawn, review.Version, null);
        }
    }
}
