namespace Publishing.Checks.Scanning;

/// <summary>The time one document's checks may take, read from a <see cref="TimeProvider"/> so tests control it.</summary>
public sealed class CheckDeadline
{
    readonly TimeProvider _time;
    readonly long _started;

    CheckDeadline(TimeProvider time, TimeSpan budget)
    {
        _time = time;
        Budget = budget;
        _started = time.GetTimestamp();
    }

    public TimeSpan Budget { get; }

    public static CheckDeadline Start(TimeProvider time, TimeSpan budget) => new(time, budget);

    public bool Expired => _time.GetElapsedTime(_started) > Budget;
}
