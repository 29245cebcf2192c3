using DurableTask.Core;
using DurableTask.Core.History;

namespace Publishing.Host.Durable;

/// <summary>
/// Works around two ways the gRPC sidecar (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1) hands the Azure
/// Storage provider sub-orchestration data it cannot store: tags as a protobuf <c>MapField</c> (messages are
/// serialized with type names and a <c>MapField</c> cannot be read back) and its own subclass of
/// <see cref="SubOrchestrationInstanceCreatedEvent"/> (the history table writer knows only the DTFx types and
/// stores an empty row, after which the parent's history cannot be loaded). Both are turned into plain DTFx
/// objects before anything is stored; everything else passes straight through.
/// </summary>
sealed class PortableTagsOrchestrationService(IOrchestrationService inner) : IOrchestrationService
{
    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        foreach (var message in orchestratorMessages.Concat(outboundMessages).Concat(timerMessages))
        {
            Normalize(message.Event);
        }

        if (continuedAsNewMessage is not null)
        {
            Normalize(continuedAsNewMessage.Event);
        }

        for (int i = 0; i < newOrchestrationRuntimeState.NewEvents.Count; i++)
        {
            HistoryEvent historyEvent = newOrchestrationRuntimeState.NewEvents[i];
            Normalize(historyEvent);
            if (historyEvent is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                var plain = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = created.ClientSpanId,
                    Tags = created.Tags,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
                newOrchestrationRuntimeState.NewEvents[i] = plain;
                int index = newOrchestrationRuntimeState.Events.IndexOf(created);
                if (index >= 0)
                {
                    newOrchestrationRuntimeState.Events[index] = plain;
                }
            }
        }

        return inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages,
            orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    static void Normalize(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case ExecutionStartedEvent started when IsForeign(started.Tags):
                started.Tags = new Dictionary<string, string>(started.Tags, StringComparer.Ordinal);
                break;
            case SubOrchestrationInstanceCreatedEvent created when IsForeign(created.Tags):
                created.Tags = new Dictionary<string, string>(created.Tags, StringComparer.Ordinal);
                break;
            case TaskScheduledEvent scheduled when IsForeign(scheduled.Tags):
                scheduled.Tags = new Dictionary<string, string>(scheduled.Tags!, StringComparer.Ordinal);
                break;
        }
    }

    static bool IsForeign(IDictionary<string, string>? tags) => tags is not null && tags is not Dictionary<string, string>;

    public Task StartAsync() => inner.StartAsync();
    public Task StopAsync() => inner.StopAsync();
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);
}
