using Microsoft.DurableTask;

namespace Publishing.Lifecycle;

/// <summary>Records one <see cref="ItemEvent"/> (read model, audit, notifications) for any workflow of the item.</summary>
public sealed class RecordItemEventActivity(ItemEventRecorder recorder) : TaskActivity<ItemEvent, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ItemEvent input)
    {
        await recorder.RecordAsync(input);
        return true;
    }
}
