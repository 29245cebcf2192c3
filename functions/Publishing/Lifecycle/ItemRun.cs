using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Identity;
using Publishing.Notifications;

namespace Publishing.Lifecycle;

/// <summary>
/// What every step of an item's orchestration shares, rebuilt identically on each replay: the one queue of people's
/// commands, the step counter of <see cref="ItemEvent.Step"/>, dropping ignored commands, and parking. A step that still
/// fails after <see cref="DurableRetries.Storage"/> parks the item as NeedsAttention (reason in Chinese, inbox notice to
/// Admin), waits for <see cref="ItemCommandType.Resume"/> and runs that step again: every recorded step is idempotent.
/// </summary>
public sealed class ItemRun(TaskOrchestrationContext context, string itemId, int version, long step)
{
    /// <summary>Ignored commands after which the orchestration starts a fresh history (ContinueAsNew) at the same point.</summary>
    public const int IgnoredBeforeFreshHistory = 100;

    readonly HashSet<(ItemCommandType, string, int, string?)> dropped = [];
    Task<ItemCommand>? pending;

    public string ItemId => itemId;

    /// <summary>The last step number handed out.</summary>
    public long Step { get; private set; } = step;

    /// <summary>Commands dropped in this execution (history since the last start).</summary>
    public int Ignored { get; private set; }

    public bool HistoryIsLong => Ignored >= IgnoredBeforeFreshHistory;

    /// <summary>The next command; the same task until <see cref="TakeCommand"/>, so a timer may race it without losing one.</summary>
    public Task<ItemCommand> NextCommand() => pending ??= context.WaitForExternalEvent<ItemCommand>(ItemCommand.EventName);

    public ItemCommand TakeCommand()
    {
        ItemCommand command = pending!.Result;
        pending = null;
        return command;
    }

    /// <summary>
    /// Drops a command that does not fit (a duplicate, a stale version, a stage already decided): never fatal. Each kind
    /// (type, actor, version, stage) is logged once.
    /// </summary>
    public void Ignore(ItemCommand command, string why)
    {
        Ignored++;
        if (dropped.Add((command.Type, command.Actor, command.Version, command.Stage)))
        {
            context.CreateReplaySafeLogger(nameof(ItemRun)).LogWarning("Ignored {Type} command {CommandId} of {Actor} for {ItemId} v{Version} stage {Stage}: {Why}",
                command.Type, command.CommandId, command.Actor, itemId, command.Version, command.Stage, why);
        }
    }

    /// <summary>Records <paramref name="itemEvent"/> as the next step (parking on failure).</summary>
    public Task Record(ItemEvent itemEvent, string what) =>
        StepAsync(what, step => context.CallActivityAsync<bool>(nameof(RecordItemEventActivity), itemEvent with { Step = step }, DurableRetries.Storage));

    /// <summary>
    /// Runs one recorded step with a fresh step number each attempt. <paramref name="span"/> reserves numbers for a step
    /// that records several events itself (publishing).
    /// </summary>
    public async Task<T> StepAsync<T>(string what, Func<long, Task<T>> call, int span = 1)
    {
        while (true)
        {
            long first = Step + 1;
            Step += span;
            try
            {
                return await call(first);
            }
            catch (TaskFailedException failure)
            {
                await ParkAsync(what, failure.FailureDetails.ErrorMessage);
            }
        }
    }

    /// <summary>Records NeedsAttention, waits for an Admin's resume and records it.</summary>
    async Task ParkAsync(string what, string error)
    {
        string reason = $"自动流程在“{what}”步骤多次重试后仍未成功（{Shorten(error)}）。请确认存储服务已恢复后，由管理员点击“继续处理”，系统将从该步骤重新执行。";
        context.SetCustomStatus(new { status = ItemStatus.NeedsAttention, reason });
        context.CreateReplaySafeLogger(nameof(ItemRun)).LogError("Item {ItemId} parked as NeedsAttention at {Step}: {Error}", itemId, what, error);
        long parkStep = ++Step;
        try
        {
            await context.CallActivityAsync<bool>(nameof(RecordItemEventActivity), new ItemEvent(
                itemId, $"attention-{parkStep}", AuditActions.NeedsAttention, "system", context.CurrentUtcDateTime, version,
                Status: ItemStatus.NeedsAttention, Details: reason, Step: parkStep,
                Notify: [new NotificationRequest(Recipients.Role(Roles.Admin), "needs-attention",
                    $"稿件 {itemId} 的自动流程已暂停：{reason}")]), DurableRetries.Parking);
        }
        catch (TaskFailedException)
        {
            // Even parking could not be written: the custom status above still says so; a resume continues as well.
        }

        bool resumed = false;
        while (!resumed)
        {
            await NextCommand();
            ItemCommand command = TakeCommand();
            if (command.Type == ItemCommandType.Resume)
            {
                long resumeStep = ++Step;
                try
                {
                    await context.CallActivityAsync<bool>(nameof(RecordItemEventActivity), new ItemEvent(
                        itemId, $"resumed-{resumeStep}", AuditActions.Resumed, command.Actor, command.At, version,
                        Details: $"从“{what}”步骤继续", Step: resumeStep), DurableRetries.Storage);
                }
                catch (TaskFailedException)
                {
                    // Storage is still down: stay parked until the next resume.
                    continue;
                }

                context.SetCustomStatus(null);
                resumed = true;
                continue;
            }

            // People's commands are refused while parked; only races get here, so history stays short.
            Ignore(command, "parked, waiting for an Admin to resume");
        }
    }

    static string Shorten(string error) => error.Length <= 200 ? error : error[..200] + "…";
}
