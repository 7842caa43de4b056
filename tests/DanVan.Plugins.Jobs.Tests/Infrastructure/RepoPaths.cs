namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>Where the repository and sibling build outputs are, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>bin/&lt;Configuration&gt;/&lt;tfm&gt; of the running tests, to find a sibling project's output.</summary>
    public static string OutputSuffix { get; } = Path.GetRelativePath(Path.Combine(Root, "tests", "DanVan.Plugins.Jobs.Tests"), AppContext.BaseDirectory);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".ci", "pg-up.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (with .ci/pg-up.sh) not found above " + AppContext.BaseDirectory);
    }
}
