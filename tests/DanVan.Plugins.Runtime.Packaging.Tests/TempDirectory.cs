namespace DanVan.Plugins.Runtime.Packaging.Tests;

/// <summary>A fresh folder per test, removed afterwards; snapshots prove what was (not) written.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dvp-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Every file and folder under the temp root, relative, with file sizes: equal snapshots mean nothing was written.</summary>
    public IReadOnlyList<string> Snapshot() => SnapshotOf(Path);

    public static IReadOnlyList<string> SnapshotOf(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(p => System.IO.Path.GetRelativePath(root, p) + (File.Exists(p) ? $" ({new FileInfo(p).Length})" : "/"))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
