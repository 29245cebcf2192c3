using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Identity;
using Publishing.Lifecycle;
using Publishing.Notifications;

namespace Publishing.Review;

/// <summary>
/// The review of one version inside the item's orchestration: pre-checks, 初审 → 复审 → 终审 with one decision per
/// stage, reminder and escalation timers, the revision wait, withdrawal, and approval. It ends with an approval
/// record (or a new version, a withdrawal, or a point to continue from in a fresh history) and knows nothing of
/// publishing: the item's orchestrator hands the approval on. Commands that do not fit are dropped, never fatal; every
/// step goes through <see cref="ItemRun"/>, which parks the item when storage stays down.
/// </summary>
public static class ReviewProcess
{
    static readonly ReviewProgress Start = new(false, 0, [], null, false, false, false);

    public static async Task<ReviewOutcome> RunAsync(TaskOrchestrationContext context, ItemRun run, ReviewInput input)
    {
        var review = new ReviewRun(context, run, input);
        int version = input.Version;
        ReviewProgress progress = input.Progress ?? Start;
        if (!progress.ChecksDone)
        {
            await review.RunChecksAsync(version);
            progress = progress with { ChecksDone = true };
        }

        if (!progress.AwaitingRevision)
        {
            StageResult result = await review.RunStagesAsync(version, progress);
            switch (result.Kind)
            {
                case StageResultKind.Approved:
                    ApprovalRecord approval = await run.StepAsync("终审通过后冻结版本", step => context.CallActivityAsync<ApprovalRecord>(
                        nameof(ApproveItemActivity), new ApproveVersion(input.ItemId, version, step), DurableRetries.Storage));
                    return new ReviewOutcome(ReviewEnd.Approved, version, approval);
                case StageResultKind.Withdrawn:
                    return new ReviewOutcome(ReviewEnd.Withdrawn, version, null);
                case StageResultKind.FreshHistory:
                    return new ReviewOutcome(ReviewEnd.FreshHistory, version, null, result.Progress);
            }
        }

        RevisionResult revision = await review.AwaitRevisionAsync(version);
        return revision.Kind switch
        {
            RevisionKind.Revised => new ReviewOutcome(ReviewEnd.Revised, revision.Version, null),
            RevisionKind.FreshHistory => new ReviewOutcome(ReviewEnd.FreshHistory, version, null, progress with { AwaitingRevision = true }),
            _ => new ReviewOutcome(ReviewEnd.Withdrawn, version, null),
        };
    }

    enum StageResultKind { Approved, Returned, Withdrawn, FreshHistory }

    readonly record struct StageResult(StageResultKind Kind, ReviewProgress? Progress = null);

    enum RevisionKind { Revised, Withdrawn, FreshHistory }

    readonly record struct RevisionResult(RevisionKind Kind, int Version = 0);

    enum WaitKind { Decided, Withdrawn, FreshHistory }

    readonly record struct DecisionWait(WaitKind Kind, ItemCommand? Decision, bool Reminded, bool Escalated);

    /// <summary>One review's state while the orchestration runs; rebuilt identically on every replay.</summary>
    sealed class ReviewRun(TaskOrchestrationContext context, ItemRun run, ReviewInput input)
    {
        public async Task RunChecksAsync(int version)
        {
            CheckSummary summary = await run.StepAsync("自动检查", _ => context.CallActivityAsync<CheckSummary>(
                nameof(RunChecksActivity), new ItemVersionRef(input.ItemId, version), DurableRetries.Storage));
            context.CreateReplaySafeLogger(nameof(ReviewProcess)).LogInformation("Checks of {ItemId} v{Version}: {Block} block, {Warn} warn", input.ItemId, version, summary.Block, summary.Warn);
        }

        public async Task<StageResult> RunStagesAsync(int version, ReviewProgress progress)
        {
            var decidedBy = new HashSet<string>(progress.DecidedBy, StringComparer.Ordinal);
            for (int index = progress.StageIndex; index < input.Stages.Count; index++)
            {
                string stage = input.Stages[index];
                bool resumed = index == progress.StageIndex && progress.Deadline is not null;
                StageDeadline deadline = resumed
                    ? progress.Deadline!
                    : await run.StepAsync($"开启{ReviewStages.DisplayName(stage)}", step => context.CallActivityAsync<StageDeadline>(
                        nameof(OpenStageActivity), new OpenStage(input.ItemId, version, stage, context.CurrentUtcDateTime, step), DurableRetries.Storage));

                DecisionWait wait = await AwaitDecisionAsync(version, stage, deadline, decidedBy,
                    resumed && progress.Reminded, resumed && progress.Escalated);
                if (wait.Kind == WaitKind.Withdrawn)
                {
                    return new StageResult(StageResultKind.Withdrawn);
                }

                if (wait.Kind == WaitKind.FreshHistory)
                {
                    return new StageResult(StageResultKind.FreshHistory, new ReviewProgress(
                        true, index, decidedBy.Order(StringComparer.Ordinal).ToList(), deadline, wait.Reminded, wait.Escalated, false));
                }

                ItemCommand decision = wait.Decision!;
                decidedBy.Add(decision.Actor);
                bool approved = decision.Decision == Decisions.Approve;
                await run.Record(new ItemEvent(
                    input.ItemId, $"decision-{decision.CommandId}", AuditActions.ReviewDecision, decision.Actor,
                    decision.At, version, stage,
                    Review: new ReviewRecord(stage, decision.Decision!, decision.Aspects!, decision.Comment,
                        decision.Actor, decision.ActorName, decision.At, version, decision.CommandId),
                    Details: approved ? null : decision.Comment), $"记录{ReviewStages.DisplayName(stage)}决定");

                if (!approved)
                {
                    await run.Record(new ItemEvent(
                        input.ItemId, $"v{version}-returned", AuditActions.Returned, decision.Actor,
                        context.CurrentUtcDateTime, version, stage, ItemStatus.ReturnedForRevision,
                        Details: decision.Comment,
                        Notify: [new NotificationRequest(Recipients.User(input.SubmittedBy), "returned",
                            $"您提交的稿件（第{version}版）在{ReviewStages.DisplayName(stage)}被退回修改，意见：{decision.Comment}。请修改后重新提交。")]), "退回修改");
                    return new StageResult(StageResultKind.Returned);
                }
            }

            return new StageResult(StageResultKind.Approved);
        }

        /// <summary>Waits for a valid decision on <paramref name="stage"/>, reminding at due time and escalating at twice it.</summary>
        async Task<DecisionWait> AwaitDecisionAsync(int version, string stage, StageDeadline deadline, HashSet<string> decidedBy, bool reminded, bool escalated)
        {
            while (!run.HistoryIsLong)
            {
                DateTimeOffset? fireAt = !reminded ? deadline.DueAt : !escalated ? deadline.EscalateAt : null;
                using var timerCancellation = new CancellationTokenSource();
                Task? timer = fireAt is { } at ? context.CreateTimer(at.UtcDateTime, timerCancellation.Token) : null;
                Task<ItemCommand> command = run.NextCommand();
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
                ItemCommand received = run.TakeCommand();
                if (received.Type == ItemCommandType.Withdraw && received.Version == version)
                {
                    await RecordWithdrawalAsync(received);
                    return new DecisionWait(WaitKind.Withdrawn, null, reminded, escalated);
                }

                if (WhyNot(received, version, stage, decidedBy) is { } why)
                {
                    // The HTTP handler validated it, but a concurrent decision or a stale version can still arrive.
                    run.Ignore(received, why);
                    continue;
                }

                return new DecisionWait(WaitKind.Decided, received, reminded, escalated);
            }

            // Many dropped commands: the caller continues in a fresh history (ContinueAsNew).
            return new DecisionWait(WaitKind.FreshHistory, null, reminded, escalated);
        }

        string? WhyNot(ItemCommand received, int version, string stage, HashSet<string> decidedBy) =>
            received.Type != ItemCommandType.Review ? "not a decision"
            : received.Version != version ? "stale version"
            : received.Stage != stage ? "not the awaited stage"
            : received.Actor == input.SubmittedBy ? "the submitter"
            : decidedBy.Contains(received.Actor) ? "already decided an earlier stage of this version"
            : received.Decision is not (Decisions.Approve or Decisions.Reject) || received.Aspects is null ? "incomplete decision"
            : null;

        Task SendReminderAsync(int version, string stage) => run.Record(new ItemEvent(
            input.ItemId, $"v{version}-{stage}-reminder", AuditActions.Reminder, "system", context.CurrentUtcDateTime,
            version, stage,
            Notify: [new NotificationRequest(Recipients.Role(ReviewStages.ReviewerRole(stage)), "reminder",
                $"稿件 {input.ItemId}（第{version}版）的{ReviewStages.DisplayName(stage)}已到期，请尽快审核。")]), "到期提醒");

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

            return run.Record(new ItemEvent(
                input.ItemId, $"v{version}-{stage}-escalation", AuditActions.Escalation, "system",
                context.CurrentUtcDateTime, version, stage, Notify: notify), "超期督办");
        }

        Task RecordWithdrawalAsync(ItemCommand command) => run.Record(new ItemEvent(
            input.ItemId, $"withdraw-{command.CommandId}", AuditActions.Withdrawn, command.Actor, command.At,
            command.Version, Status: ItemStatus.Withdrawn, Details: command.Comment), "撤回稿件");

        /// <summary>Waits, without a deadline, for the submitter's new version or a withdrawal.</summary>
        public async Task<RevisionResult> AwaitRevisionAsync(int version)
        {
            while (!run.HistoryIsLong)
            {
                await run.NextCommand();
                ItemCommand received = run.TakeCommand();
                if (received.Type == ItemCommandType.Withdraw && received.Version == version)
                {
                    await RecordWithdrawalAsync(received);
                    return new RevisionResult(RevisionKind.Withdrawn);
                }

                if (received.Type == ItemCommandType.Revise && received.Version == version + 1 && received.Actor == input.SubmittedBy)
                {
                    await run.Record(new ItemEvent(
                        input.ItemId, $"v{received.Version}-revised", AuditActions.Revised, received.Actor, received.At,
                        received.Version, Status: ItemStatus.Submitted), "接收修改版本");
                    return new RevisionResult(RevisionKind.Revised, received.Version);
                }

                run.Ignore(received, $"awaiting revision of v{version}");
            }

            return new RevisionResult(RevisionKind.FreshHistory);
        }
    }
}
