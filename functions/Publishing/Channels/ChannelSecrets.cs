namespace Publishing.Channels;

static class ChannelSecrets
{
    /// <summary>A setting holds a usable secret: not empty and not an unresolved <c>@Microsoft.KeyVault(...)</c> reference.</summary>
    public static bool IsSet(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
