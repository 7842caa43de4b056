using System.Security.Cryptography;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>Writes a verified package's lib/ files to disk, and checks an extracted folder against the signed list.</summary>
internal static class PackageExtractor
{
    public static void Extract(VerifiedPluginPackage package, PackageLimits limits, string targetDirectory)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            throw new IOException($"Cannot extract {package.PackagePath} into {target}: it exists and is not an empty folder.");
        }

        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"Cannot extract into a root folder ({target}).");

        // The package is reopened and judged afresh: it may have been replaced since verification.
        var errors = new List<PackageError>();
        using var archive = PackageArchive.Open(package.PackagePath, limits, errors)
            ?? throw new PackageException(package.PackagePath, errors);
        foreach (var name in archive.Entries.Keys.Where(n => n != PluginPackageFormat.SignatureEntryName && !package.Files.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            errors.Add(PackageErrors.FileNotListed(name));
        }

        foreach (var name in package.Files.Keys.Where(n => !archive.Entries.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            errors.Add(PackageErrors.FileMissing(name));
        }

        if (errors.Count > 0)
        {
            throw new PackageException(package.PackagePath, errors);
        }

        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.extracting-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
        Directory.CreateDirectory(staging);
        try
        {
            WriteFiles(package, archive, staging, errors);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            // A rename within one folder is atomic: the target is either absent or complete.
            Directory.Move(staging, target);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    public static void VerifyExtracted(VerifiedPluginPackage package, string directory)
    {
        var root = Path.GetFullPath(directory);
        var expected = package.Files.ToDictionary(f => ExtractedPath(f.Key), f => f.Value, StringComparer.Ordinal);
        var errors = new List<PackageError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            throw new PackageException(root, [PackageErrors.InstalledFileMissing(root)]);
        }

        Walk(root, string.Empty, expected, seen, errors);
        foreach (var missing in expected.Keys.Where(k => !seen.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(PackageErrors.InstalledFileMissing(Path.Combine(root, missing)));
        }

        if (errors.Count > 0)
        {
            throw new PackageException(root, errors);
        }
    }

    private static void WriteFiles(VerifiedPluginPackage package, PackageArchive archive, string staging, List<PackageError> errors)
    {
        var stagingPrefix = staging + Path.DirectorySeparatorChar;
        foreach (var (name, expected) in package.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var destination = Path.GetFullPath(Path.Combine(staging, ExtractedPath(name)));

            // The name rules already refuse anything that could escape; this is the last line of defence.
            if (!destination.StartsWith(stagingPrefix, StringComparison.Ordinal))
            {
                throw new PackageException(package.PackagePath, [PackageErrors.EntryName(PackageErrorCode.EntryNameTraversal, name, "it resolves outside the plugin folder", "trỏ ra ngoài thư mục plugin")]);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

            // CreateNew never follows or overwrites an existing file or link.
            using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!PackageArchive.Inflate(archive.Entries[name], output, hash, errors))
                {
                    throw new PackageException(package.PackagePath, errors);
                }
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != expected)
            {
                throw new PackageException(package.PackagePath, [PackageErrors.FileTampered(name, expected, actual)]);
            }
        }
    }

    private static void Walk(string directory, string relative, Dictionary<string, string> expected, HashSet<string> seen, List<PackageError> errors)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false };
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var path = relative + info.Name;
            if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.LinkTarget is not null)
            {
                errors.Add(PackageErrors.InstalledSymbolicLink(info.FullName));
            }
            else if (info is DirectoryInfo)
            {
                Walk(info.FullName, path + "/", expected, seen, errors);
            }
            else if (!expected.TryGetValue(path, out var hash))
            {
                errors.Add(PackageErrors.InstalledFileNotListed(info.FullName));
            }
            else
            {
                seen.Add(path);
                using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (Convert.ToHexStringLower(SHA256.HashData(stream)) != hash)
                {
                    errors.Add(PackageErrors.InstalledFileTampered(info.FullName));
                }
            }
        }
    }

    /// <summary>Where a package path lands in the extracted folder: lib/ files without the prefix, plugin.json beside them, as in the plugin's build output.</summary>
    private static string ExtractedPath(string packagePath) =>
        packagePath.StartsWith(PluginPackageFormat.LibraryPrefix, StringComparison.Ordinal)
            ? packagePath[PluginPackageFormat.LibraryPrefix.Length..]
            : packagePath;

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more; a leftover hidden staging folder is harmless.
        }
    }
}
