namespace Publishing.Host.Identity;

/// <summary>
/// The sample users of the local host, from settings <c>Publishing__Users__{id}__Name</c> and
/// <c>Publishing__Users__{id}__Roles</c> (comma-separated role names).
/// </summary>
public sealed record LocalUser(string Id, string Name, IReadOnlyList<string> Roles);

public static class LocalUsers
{
    public const string Section = "Publishing:Users";

    public static IReadOnlyList<LocalUser> Read(IConfiguration configuration) =>
        configuration.GetSection(Section).GetChildren()
            .Select(user => new LocalUser(
                user.Key,
                user["Name"] ?? user.Key,
                (user["Roles"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
}
