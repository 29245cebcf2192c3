namespace Publishing.Lifecycle;

/// <summary>Section <c>Publishing:Lifecycle</c>.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Publishing:Lifecycle";

    /// <summary>How long a request waits for the workflow to take its command before answering 202.</summary>
    public TimeSpan DecisionWait { get; set; } = TimeSpan.FromSeconds(20);
}
