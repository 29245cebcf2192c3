namespace Publishing.Supervision;

/// <summary>Input of every monitor round; <paramref name="Period"/> is the last known period, used when a round fails.</summary>
public sealed record MonitorInput(TimeSpan? Period);

/// <summary>What a monitor activity gets: the orchestration's time, so notifications carry a replay-stable time.</summary>
public sealed record MonitorTick(DateTimeOffset Now);

/// <summary>What a monitor round did and when the next one is due.</summary>
public sealed record MonitorRound(TimeSpan Period, int Notified);
