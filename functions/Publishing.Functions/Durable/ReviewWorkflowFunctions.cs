using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Review;

namespace Publishing.Functions.Durable;

/// <summary>Hand-written <c>[Function]</c> wrappers of the review workflow's orchestrator and activities.</summary>
public static class ReviewWorkflowFunctions
{
    [Function(nameof(ReviewOrchestrator))]
    public static Task<ReviewOutcome> ReviewOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ReviewOrchestrator().RunAsync(context, context.GetInput<ReviewInput>()!);

    [Function(nameof(RunChecksActivity))]
    public static Task<CheckSummary> RunChecks([ActivityTrigger] ItemVersionRef input, FunctionContext function) =>
        ActivityRunner.RunAsync<RunChecksActivity, ItemVersionRef, CheckSummary>(function, input);

    [Function(nameof(RecordItemEventActivity))]
    public static Task<StageDeadline?> RecordItemEvent([ActivityTrigger] ItemEvent input, FunctionContext function) =>
        ActivityRunner.RunAsync<RecordItemEventActivity, ItemEvent, StageDeadline?>(function, input);

    [Function(nameof(ApproveItemActivity))]
    public static Task<ApprovalRecord> ApproveItem([ActivityTrigger] ItemVersionRef input, FunctionContext function) =>
        ActivityRunner.RunAsync<ApproveItemActivity, ItemVersionRef, ApprovalRecord>(function, input);
}
