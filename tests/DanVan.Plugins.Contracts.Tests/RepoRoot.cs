namespace DanVan.Plugins.Contracts.Tests;

/// <summary>Finds the repository root by walking up from the test binaries.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>Absolute path of the protos/ folder (the buf module).</summary>
    public static string Protos => System.IO.Path.Combine(Path, "protos");

    /// <summary>Absolute path of the last released contract image.</summary>
    public static string ReleasedImage => System.IO.Path.Combine(Protos, "released", "danvan-v1.binpb");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DanVan.Plugins.sln")) ||
                (File.Exists(System.IO.Path.Combine(dir.FullName, "global.json")) &&
                 Directory.Exists(System.IO.Path.Combine(dir.FullName, "protos"))))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds DanVan.Plugins.sln or global.json + protos/.");
    }
}
