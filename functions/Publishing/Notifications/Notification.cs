namespace Publishing.Notifications;

/// <summary>A message for a person or for everyone holding a role.</summary>
/// <param name="Id">Deterministic id; sending the same id twice delivers once (replay-safe).</param>
/// <param name="Recipient">"user:{id}" or "role:{role}" (see <see cref="Recipients"/>).</param>
/// <param name="Kind">reminder | escalation | returned | approved | published | alert …</param>
/// <param name="Message">Chinese text a person can act on.</param>
public sealed record Notification(string Id, string Recipient, string Kind, string? ItemId, string Message, DateTimeOffset At);

public static class Recipients
{
    public static string User(string userId) => "user:" + userId;
    public static string Role(string role) => "role:" + role;
}

/// <summary>Delivers notifications. Pluggable so a chat or e-mail sender can be added beside the inbox.</summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);
}
