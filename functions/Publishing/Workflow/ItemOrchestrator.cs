using Microsoft.DurableTask;
using Publishing.Channels;
using Publishing.Items;
using Publishing.Expiry;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Workflow;

/// <summary>Starts an item's life. Instance id: <see cref="ItemInstances.Item"/> (the item id); commands are raised to it.</summary>
/// <param name="Step">The last step number of the item's events so far (carried across fresh histories).</param>
/// <param name="Submission">Set at submission: the first step finishes it if the request did not.</param>
/// <param name="Progress">Where the review continues after a fresh history; null = the version's review starts.</param>
public sealed record ItemInput(
    string ItemId, string Kind, string SubmittedBy, int Version, IReadOnlyList<string> Stages,
    long Step = 0, SubmissionTicket? Submission = null, ReviewProgress? Progress = null);

/// <summary>How the item's orchestration ended.</summary>
public sealed record ItemOutcome(ItemStatus Status, int Version, string? ContentHash);

/// <summary>
/// The top of an item's life: the rest of the submission, the review of each version, then — through the approval
/// record, the only thing the two share — publishing of the approved version. Review and Channels do not know each
/// other; this chains them. A step that fails after its retries parks the item (<see cref="ItemRun"/>) until an Admin
/// resumes it; publishing is such a step too (its records make a re-run resume, not repeat).
/// </summary>
public sealed class ItemOrchestrator : TaskOrchestrator<ItemInput, ItemOutcome>
{
    public override async Task<ItemOutcome> RunAsync(TaskOrchestrationContext context, ItemInput input)
    {
        var run = new ItemRun(context, input.ItemId, input.Version, input.Step);
        if (input is { Submission: { } ticket, Version: 1, Progress: null })
        {
            await run.StepAsync("接收提交", _ => context.CallActivityAsync<bool>(nameof(CompleteSubmissionActivity), ticket, DurableRetries.Storage));
        }

        ReviewOutcome review = await ReviewProcess.RunAsync(context, run,
            new ReviewInput(input.ItemId, input.Kind, input.SubmittedBy, input.Version, input.Stages, input.Progress));
        switch (review.End)
        {
            case ReviewEnd.Approved:
                ApprovalRecord approval = review.Approval!;
                PublishOutcome published = await run.StepAsync("发布", step => context.CallSubOrchestratorAsync<PublishOutcome>(
                    nameof(PublishOrchestrator), PublishInput.From(approval, input.SubmittedBy, step),
                    new SubOrchestrationOptions { InstanceId = ItemInstances.Publish(input.ItemId, approval.Version) }), PublishInput.StepSpan);
                if (published.Status is ItemStatus.Published or ItemStatus.PartiallyPublished)
                {
                    // A 公示 with an end date leaves the website then; without one this returns at once.
                    await context.CallSubOrchestratorAsync<bool>(nameof(ExpiryOrchestrator), new ItemVersionRef(input.ItemId, approval.Version),
                        new SubOrchestrationOptions { InstanceId = ItemInstances.Publish(input.ItemId, approval.Version) + "-expiry" });
                }

                return new ItemOutcome(published.Status, approval.Version, approval.ContentHash);
            case ReviewEnd.Revised:
                // Each version starts a fresh history: decisions on older versions never count for the new one.
                context.ContinueAsNew(input with { Version = review.Version, Step = run.Step, Submission = null, Progress = null }, preserveUnprocessedEvents: true);
                return new ItemOutcome(ItemStatus.Submitted, review.Version, null);
            case ReviewEnd.FreshHistory:
                // Many dropped commands: the same review continues where it was, without their history.
                context.ContinueAsNew(input with { Step = run.Step, Progress = review.Progress }, preserveUnprocessedEvents: true);
                return new ItemOutcome(ItemStatus.InReview, review.Version, null);
            default:
                return new ItemOutcome(ItemStatus.Withdrawn, review.Version, null);
        }
    }
}
