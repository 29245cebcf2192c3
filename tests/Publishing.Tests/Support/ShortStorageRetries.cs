using System.Runtime.CompilerServices;
using Publishing.Lifecycle;

namespace Publishing.Tests.Support;

/// <summary>
/// The storage retry window of this test process: a few seconds instead of six minutes, so a test can exhaust it.
/// Set before anything reads <see cref="DurableRetries"/> (the production window has its own test).
/// </summary>
static class ShortStorageRetries
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    [ModuleInitializer]
    internal static void Apply() =>
        Environment.SetEnvironmentVariable(DurableRetries.StorageWindowVariable, Window.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
}
