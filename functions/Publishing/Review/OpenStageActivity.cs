using Microsoft.DurableTask;
using Publishing.Calendar;
using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary>Opens a review stage: computes when it is due (working days or a fixed duration) and records it.</summary>
public sealed class OpenStageActivity(ItemEventRecorder recorder, WorkingDayCalendar calendar, ReviewOptions options)
    : TaskActivity<OpenStage, StageDeadline>
{
    public override async Task<StageDeadline> RunAsync(TaskActivityContext context, OpenStage input)
    {
        StageDeadline deadline = options.DueAfter is { } fixedDue
            ? new StageDeadline(input.At + fixedDue, input.At + 2 * fixedDue)
            : new StageDeadline(
                calendar.AddWorkingDays(input.At, options.DueWorkingDays),
                calendar.AddWorkingDays(input.At, 2 * options.DueWorkingDays));
        await recorder.RecordAsync(new ItemEvent(
            input.ItemId, $"v{input.Version}-{input.Stage}-opened", AuditActions.StageOpened, "system", input.At, input.Version,
            input.Stage, ItemStatus.InReview, deadline.DueAt, Step: input.Step));
        return deadline;
    }
}
