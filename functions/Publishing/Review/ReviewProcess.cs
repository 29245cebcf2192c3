using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Identity;
using Publishing.Lifecycle;
using Publishing.Notifications;

namespace Publishing.Review;

/// <summary>
/// The review of one version inside the item's orchestration: pre-checks, 初审 → 复审 → 终审 with one decision per
/// stage, reminder and escalation timers, the revision wait, withdrawal, and approval. It ends with an approval
/// record (or a new version, or a withdrawal) and knows nothing of publishing: the item's orchestrator hands the
/// approval on.
/// </summary>
public static class ReviewProcess
{
    static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public static async Task<ReviewOutcome> RunAsync(TaskOrchestrationContext context, ReviewInput input)
    {
        var review = new ReviewRun(context, input);
        int version = input.Version;
        await review.RunChecksAsync(version);
        StageResult result = await review.RunStagesAsync(version);
        switch (result.Kind)
        {
            case StageResultKind.Approved:
                ApprovalRecord approval = await context.CallActivityAsync<ApprovalRecord>(
                    nameof(ApproveItemActivity), new ItemVersionRef(input.ItemId, version), StorageRetry);
                return new ReviewOutcome(ReviewEnd.Approved, version, approval);
            case StageResultKind.Returned:
                ItemCommand? next = await review.AwaitRevisionAsync(version);
                return next is null
                    ? new ReviewOutcome(ReviewEnd.Withdrawn, version, null)
                    : new ReviewOutcome(ReviewEnd.Revised, next.Version, null);
            default:
                return new ReviewOutcome(ReviewEnd.Withdrawn, version, null);
        }
    }

    /// <summary>Commands a stage may ignore (races, stale versions) before the workflow gives up as broken.</summary>
    const int MaxIgnoredCommands = 1000;

    enum StageResultKind { Approved, Returned, Withdrawn }

    readonly record struct StageResult(StageResultKind Kind);

    /// <summary>One review's state while the orchestration runs; rebuilt identically on every replay.</summary>
    sealed class ReviewRun(TaskOrchestrationContext context, ReviewInput input)
    {
        Task<ItemCommand>? pendingCommand;

        Task<ItemCommand> NextCommand() =>
            pendingCommand ??= context.WaitForExternalEvent<ItemCommand>(ItemCommand.EventName);

        ItemCommand TakeCommand()
        {
            ItemCommand command = pendingCommand!.Result;
            pendingCommand = null;
            return command;
        }

        Task Record(ItemEvent itemEvent) =>
            context.CallActivityAsync<bool>(nameof(RecordItemEventActivity), itemEvent, StorageRetry);

        public async Task RunChecksAsync(int version)
        {
            CheckSummary summary = await context.CallActivityAsync<CheckSummary>(
                nameof(RunChecksActivity), new ItemVersionRef(input.ItemId, version), StorageRetry);
            context.CreateReplaySafeLogger(nameof(ReviewProcess)).LogInformation("Checks of {ItemId} v{Version}: {Block} block, {Warn} warn", input.ItemId, version, summary.Block, summary.Warn);
        }

        public async Task<StageResult> RunStagesAsync(int version)
        {
            var decidedBy = new HashSet<string>(StringComparer.Ordinal);
            foreach (string stage in input.Stages)
            {
                StageDeadline deadline = await context.CallActivityAsync<StageDeadline>(
                    nameof(OpenStageActivity), new OpenStage(input.ItemId, version, stage, context.CurrentUtcDateTime), StorageRetry);

                ItemCommand? decision = await AwaitDecisionAsync(version, stage, deadline, decidedBy);
                if (decision is null)
                {
                    return new StageResult(StageResultKind.Withdrawn);
                }

                decidedBy.Add(decision.Actor);
                bool approved = decision.Decision == Decisions.Approve;
                await Record(new ItemEvent(
                    input.ItemId, $"decision-{decision.CommandId}", AuditActions.ReviewDecision, decision.Actor,
                    decision.At, version, stage,
                    Review: new ReviewRecord(stage, decision.Decision!, decision.Aspects!, decision.Comment,
                        decision.Actor, decision.ActorName, decision.At, version, decision.CommandId),
                    Details: approved ? null : decision.Comment));

                if (!approved)
                {
                    await Record(new ItemEvent(
                        input.ItemId, $"v{version}-returned", AuditActions.Returned, decision.Actor,
                        context.CurrentUtcDateTime, version, stage, ItemStatus.ReturnedForRevision,
                        Details: decision.Comment,
                        Notify: [new NotificationRequest(Recipients.User(input.SubmittedBy), "returned",
                            $"您提交的稿件（第{version}版）在{ReviewStages.DisplayName(stage)}被退回修改，意见：{decision.Comment}。请修改后重新提交。")]));
                    return new StageResult(StageResultKind.Returned);
                }
            }

            return new StageResult(StageResultKind.Approved);
        }

        /// <summary>Waits for a valid decision on <paramref name="stage"/>, reminding at due time and escalating at twice it.</summary>
        /// <returns>The decision, or null when the item was withdrawn.</returns>
        async Task<ItemCommand?> AwaitDecisionAsync(int version, string stage, StageDeadline deadline, HashSet<string> decidedBy)
        {
            bool reminded = false, escalated = false;
            for (int ignored = 0; ignored < MaxIgnoredCommands;)
            {
                DateTimeOffset? fireAt = !reminded ? deadline.DueAt : !escalated ? deadline.EscalateAt : null;
                using var timerCancellation = new CancellationTokenSource();
                Task? timer = fireAt is { } at ? context.CreateTimer(at.UtcDateTime, timerCancellation.Token) : null;
                Task<ItemCommand> command = NextCommand();
                Task winner = timer is null ? await Task.WhenAny(command) : await Task.WhenAny(command, timer);

                if (winner != command)
                {
                    if (!reminded)
                    {
                        reminded = true;
                        await SendReminderAsync(version, stage);
                    }
                    else
                    {
                        escalated = true;
                        await SendEscalationAsync(version, stage);
                    }

                    continue;
                }

                timerCancellation.Cancel();
                ItemCommand received = TakeCommand();
                if (received.Type == ItemCommandType.Withdraw)
                {
                    await RecordWithdrawalAsync(received);
                    return null;
                }

                if (received.Type == ItemCommandType.Review && received.Version == version && received.Stage == stage
                    && received.Actor != input.SubmittedBy && !decidedBy.Contains(received.Actor)
                    && received.Decision is Decisions.Approve or Decisions.Reject && received.Aspects is not null)
                {
                    return received;
                }

                // The HTTP handler validated it, but a concurrent decision or a stale version can still arrive.
                ignored++;
                context.CreateReplaySafeLogger(nameof(ReviewProcess)).LogWarning("Ignored {Type} command {CommandId} for {ItemId} v{Version} stage {Stage}",
                    received.Type, received.CommandId, input.ItemId, received.Version, received.Stage);
            }

            throw new InvalidOperationException($"Item {input.ItemId} received {MaxIgnoredCommands} invalid commands.");
        }

        Task SendReminderAsync(int version, string stage) => Record(new ItemEvent(
            input.ItemId, $"v{version}-{stage}-reminder", AuditActions.Reminder, "system", context.CurrentUtcDateTime,
            version, stage,
            Notify: [new NotificationRequest(Recipients.Role(ReviewStages.ReviewerRole(stage)), "reminder",
                $"稿件 {input.ItemId}（第{version}版）的{ReviewStages.DisplayName(stage)}已到期，请尽快审核。")]));

        Task SendEscalationAsync(int version, string stage)
        {
            var notify = new List<NotificationRequest>
            {
                new(Recipients.Role(Roles.Admin), "escalation",
                    $"稿件 {input.ItemId}（第{version}版）的{ReviewStages.DisplayName(stage)}已超期一倍时间仍未处理，请督办。"),
            };
            int index = input.Stages.ToList().IndexOf(stage);
            if (index + 1 < input.Stages.Count)
            {
                string nextStage = input.Stages[index + 1];
                notify.Add(new(Recipients.Role(ReviewStages.ReviewerRole(nextStage)), "escalation",
                    $"稿件 {input.ItemId}（第{version}版）的{ReviewStages.DisplayName(stage)}严重超期，请{ReviewStages.DisplayName(nextStage)}人员知悉并督促。"));
            }

            return Record(new ItemEvent(
                input.ItemId, $"v{version}-{stage}-escalation", AuditActions.Escalation, "system",
                context.CurrentUtcDateTime, version, stage, Notify: notify));
        }

        Task RecordWithdrawalAsync(ItemCommand command) => Record(new ItemEvent(
            input.ItemId, $"withdraw-{command.CommandId}", AuditActions.Withdrawn, command.Actor, command.At,
            command.Version, Status: ItemStatus.Withdrawn, Details: command.Comment));

        /// <summary>Waits, without a deadline, for the submitter's new version or a withdrawal.</summary>
        /// <returns>The revise command, or null when withdrawn.</returns>
        public async Task<ItemCommand?> AwaitRevisionAsync(int version)
        {
            for (int ignored = 0; ignored < MaxIgnoredCommands; ignored++)
            {
                await NextCommand();
                ItemCommand received = TakeCommand();
                if (received.Type == ItemCommandType.Withdraw)
                {
                    await RecordWithdrawalAsync(received);
                    return null;
                }

                if (received.Type == ItemCommandType.Revise && received.Version == version + 1 && received.Actor == input.SubmittedBy)
                {
                    await Record(new ItemEvent(
                        input.ItemId, $"v{received.Version}-revised", AuditActions.Revised, received.Actor, received.At,
                        received.Version, Status: ItemStatus.Submitted));
                    return received;
                }

                context.CreateReplaySafeLogger(nameof(ReviewProcess)).LogWarning("Ignored {Type} command {CommandId} for {ItemId} while awaiting revision of v{Version}",
                    received.Type, received.CommandId, input.ItemId, version);
            }

            throw new InvalidOperationException($"Item {input.ItemId} received {MaxIgnoredCommands} invalid commands.");
        }
    }
}
