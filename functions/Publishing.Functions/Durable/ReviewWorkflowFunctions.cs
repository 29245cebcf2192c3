using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Workflow;

namespace Publishing.Functions.Durable;

/// <summary>Hand-written <c>[Function]</c> wrappers of the item's orchestrator, the kernel's and the review's activities.</summary>
public static class ReviewWorkflowFunctions
{
    [Function(nameof(ItemOrchestrator))]
    public static Task<ItemOutcome> ItemOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ItemOrchestrator().RunAsync(context, context.GetInput<ItemInput>()!);

    [Function(nameof(RecordItemEventActivity))]
    public static Task<bool> RecordItemEvent([ActivityTrigger] ItemEvent input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<RecordItemEventActivity, ItemEvent, bool>(function, instanceId, input);

    [Function(nameof(CompleteSubmissionActivity))]
    public static Task<bool> CompleteSubmission([ActivityTrigger] SubmissionTicket input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<CompleteSubmissionActivity, SubmissionTicket, bool>(function, instanceId, input);

    [Function(nameof(RunChecksActivity))]
    public static Task<CheckSummary> RunChecks([ActivityTrigger] ItemVersionRef input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<RunChecksActivity, ItemVersionRef, CheckSummary>(function, instanceId, input);

    [Function(nameof(OpenStageActivity))]
    public static Task<StageDeadline> OpenStage([ActivityTrigger] OpenStage input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<OpenStageActivity, OpenStage, StageDeadline>(function, instanceId, input);

    [Function(nameof(ApproveItemActivity))]
    public static Task<ApprovalRecord> ApproveItem([ActivityTrigger] ApproveVersion input, string instanceId, FunctionContext function) =>
        ActivityRunner.RunAsync<ApproveItemActivity, ApproveVersion, ApprovalRecord>(function, instanceId, input);
}
