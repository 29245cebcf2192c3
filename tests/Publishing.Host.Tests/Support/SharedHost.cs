namespace Publishing.Host.Tests.Support;

/// <summary>One local host process shared by the tests that don't kill it.</summary>
public sealed class SharedHost : IAsyncLifetime
{
    public LocalHostProcess Process { get; } = new(new Dictionary<string, string>
    {
        // Long enough that no reminder interferes with the API tests; reminder tests run their own host.
        ["Publishing__Review__DueAfter"] = "01:00:00",
        ["Publishing__Review__MaxBodyBytes"] = "1048576",
    });

    public ApiClient As(string? user) => new(Process.BaseAddress, user);

    public Task InitializeAsync() => Process.StartAsync();

    public async Task DisposeAsync() => await Process.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedHostCollection : ICollectionFixture<SharedHost>
{
    public const string Name = "shared local host";
}
