namespace Publishing.Supervision.Staleness;

/// <summary>One account's state: last successful publication, whole days since, and the level.</summary>
/// <param name="Days">Null when the account never published anything.</param>
public sealed record AccountStaleness(
    string Name, string Owner, string Channel, string? Category, DateTimeOffset? LastUpdate, int? Days, string Level);
