namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>Lists a plugin's build output folder as package entries, refusing what a reader would refuse.</summary>
internal static class PackageInputs
{
    /// <summary>The files under <paramref name="directory"/>, as <c>lib/…</c> entries sorted by ordinal name; problems go to <paramref name="errors"/>.</summary>
    public static List<PackageInputFile> Collect(string directory, List<PackageError> errors)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The plugin's input folder {root} does not exist.");
        }

        var files = new List<PackageInputFile>();
        var byCollisionKey = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, PluginPackageFormat.LibraryPrefix, files, byCollisionKey, errors);
        files.Sort((a, b) => string.CompareOrdinal(a.EntryName, b.EntryName));
        return files;
    }

    private static void Walk(string directory, string prefix, List<PackageInputFile> files, Dictionary<string, string> byCollisionKey, List<PackageError> errors)
    {
        // AttributesToSkip = 0: the default skips hidden files, which would silently leave them out.
        var options = new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false };
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options))
        {
            var name = prefix + info.Name;
            if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.LinkTarget is not null)
            {
                errors.Add(PackageErrors.SymbolicLink(name));
                continue;
            }

            // The plugin build writes plugin.json beside the assembly; in the package the manifest
            // lives at the root (and extraction puts it back there), so the copy is not packed twice.
            if (prefix == PluginPackageFormat.LibraryPrefix && info is FileInfo
                && string.Equals(info.Name, PluginPackageFormat.ManifestEntryName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (info is DirectoryInfo)
            {
                Walk(info.FullName, name + "/", files, byCollisionKey, errors);
                continue;
            }

            if (EntryNameRules.Check(name) is { } nameError)
            {
                errors.Add(nameError);
                continue;
            }

            if (!byCollisionKey.TryAdd(EntryNameRules.CollisionKey(name), name))
            {
                errors.Add(PackageErrors.DuplicateEntry(name, byCollisionKey[EntryNameRules.CollisionKey(name)]));
                continue;
            }

            files.Add(new PackageInputFile(name, info.FullName, ((FileInfo)info).Length));
        }
    }
}
