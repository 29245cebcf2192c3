using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Desk;

/// <summary>One local host (channels in preview mode) and one browser for the desk tests that share them.</summary>
public sealed class DeskHost : IAsyncLifetime
{
    public LocalHostProcess Process { get; } = new(new Dictionary<string, string>
    {
        // No reminder or escalation fires during a test.
        ["Publishing__Review__DueAfter"] = "01:00:00",
    });

    public DeskBrowser Browser { get; } = new();

    public Uri Url => Process.BaseAddress;

    public ApiClient As(string user) => new(Process.BaseAddress, user);

    public async Task InitializeAsync()
    {
        await Process.StartAsync();
        await Browser.BrowserAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Process.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DeskHostCollection : ICollectionFixture<DeskHost>
{
    public const string Name = "desk host and browser";
}
