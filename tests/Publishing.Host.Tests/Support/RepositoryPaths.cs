namespace Publishing.Host.Tests.Support;

static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Publishing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Publishing.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The local host built in the same configuration as these tests.</summary>
    public static string HostDll
    {
        get
        {
            string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{Configuration}/net10.0
            string path = Path.Combine(Root, "functions", "Publishing.Host", "bin", configuration, "net10.0", "Publishing.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: local host not found.", path);
        }
    }
}
