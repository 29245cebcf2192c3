using Microsoft.DurableTask;

namespace Publishing.Items;

/// <summary>
/// The item orchestration's first step: finishes the submission (row, 索引号, version document, audit) if the request
/// that started it did not get that far. Idempotent: the request runs the same code.
/// </summary>
public sealed class CompleteSubmissionActivity(SubmissionService submissions) : TaskActivity<SubmissionTicket, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SubmissionTicket input)
    {
        await submissions.CompleteAsync(input);
        return true;
    }
}
