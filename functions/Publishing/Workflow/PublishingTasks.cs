using Microsoft.DurableTask;

namespace Publishing.Workflow;

/// <summary>Every orchestrator and activity of the product, registered once for both hosts.</summary>
public static class PublishingTasks
{
    public static DurableTaskRegistry AddPublishingTasks(this DurableTaskRegistry registry)
    {
        return registry;
    }
}
