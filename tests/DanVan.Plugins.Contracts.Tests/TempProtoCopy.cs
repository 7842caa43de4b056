namespace DanVan.Plugins.Contracts.Tests;

/// <summary>A throwaway copy of protos/ that a test may edit; deleted on dispose.</summary>
internal sealed class TempProtoCopy : IDisposable
{
    private TempProtoCopy(string path) => Path = path;

    /// <summary>Absolute path of the copied module (the copy of protos/).</summary>
    public string Path { get; }

    public static TempProtoCopy Create()
    {
        var path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(), "danvan-contracts-" + Guid.NewGuid().ToString("N"), "protos");
        Copy(new DirectoryInfo(RepoRoot.Protos), path);
        return new TempProtoCopy(path);
    }

    /// <summary>Replaces exactly one occurrence of <paramref name="oldText"/> in a copied file.</summary>
    public void ReplaceOnce(string relativeFile, string oldText, string newText)
    {
        var file = System.IO.Path.Combine(Path, relativeFile);
        var text = File.ReadAllText(file);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(oldText, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{oldText}' must occur exactly once in {relativeFile}.");
        }

        File.WriteAllText(file, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
    }

    public void Dispose()
    {
        var parent = Directory.GetParent(Path)!.FullName;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private static void Copy(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.GetFiles())
        {
            file.CopyTo(System.IO.Path.Combine(target, file.Name));
        }

        foreach (var dir in source.GetDirectories())
        {
            Copy(dir, System.IO.Path.Combine(target, dir.Name));
        }
    }
}
