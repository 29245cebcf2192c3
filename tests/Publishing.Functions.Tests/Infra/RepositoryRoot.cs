namespace Publishing.Functions.Tests.Infra;

static class RepositoryRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Publishing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Publishing.sln not found");
    }
}
