namespace Publishing.Host.Durable;

/// <summary>Settings of the local durable engine (Azure Storage provider on the configured account).</summary>
public sealed class LocalDurableOptions
{
    /// <summary>Same setting name the Functions host.json reads (<c>%TaskHubName%</c>).</summary>
    public string TaskHubName { get; set; } = "PublishingLocal";

    /// <summary>Loopback port of the gRPC sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }

    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// A separate storage connection string for the task hub (default: <c>AzureWebJobsStorage</c>, like the data). Lets
    /// the engine's storage be kept apart from the product's tables and blobs, e.g. to test an outage of the latter.
    /// </summary>
    public string? StorageConnection { get; set; }

    /// <summary>Upper bound of the queue back-off; the provider's 30 s default makes local work feel stuck.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a message taken by a process that then died stays invisible before another process takes it over
    /// (the provider renews it while work is in progress). The provider's default is 5 minutes.
    /// </summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxConcurrentActivities { get; set; } = 10;

    public int MaxConcurrentOrchestrations { get; set; } = 10;
}
