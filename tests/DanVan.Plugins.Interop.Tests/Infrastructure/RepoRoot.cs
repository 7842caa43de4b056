namespace DanVan.Plugins.Interop.Tests.Infrastructure;

/// <summary>Finds the repository root by walking up from the test binaries to DanVan.Plugins.sln.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>Absolute path of tests/peers.</summary>
    public static string Peers => System.IO.Path.Combine(Path, "tests", "peers");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DanVan.Plugins.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds DanVan.Plugins.sln.");
    }
}
