namespace Publishing.Testing;

/// <summary>
/// The Azurite instance <c>./test.sh</c> starts for the test run. Tests that need storage fail with a clear
/// message when it is missing rather than silently skipping.
/// </summary>
public static class TestStorage
{
    public const string Variable = "PUBLISHING_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with ./test.sh, which starts Azurite and sets it.");

    /// <summary>A name unique to one test, valid for tables and containers (letters and digits, starts with a letter).</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();
}
