using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// A package zip opened for reading, whose directory has already passed the structural checks:
/// safe names, regular files only, no duplicates, the layout, and the size and ratio limits.
/// Nothing is inflated until asked, and every inflation is bounded by the declared size.
/// </summary>
internal sealed class PackageArchive : IDisposable
{
    // Unix mode bits live in the high 16 bits of the zip external attributes.
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;
    private const int UnixRegularFile = 0x8000;
    private const int UnixDirectory = 0x4000;

    // The low byte holds MS-DOS attributes; a reparse point is how Windows archivers record links.
    private const int DosReparsePoint = 0x400;

    private readonly ZipArchive zip;

    private PackageArchive(string path, ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries)
    {
        Path = path;
        this.zip = zip;
        Entries = entries;
    }

    /// <summary>The package file.</summary>
    public string Path { get; }

    /// <summary>The file entries by exact name (directory entries left out), including plugin.json and SIGNATURE.json.</summary>
    public IReadOnlyDictionary<string, ZipArchiveEntry> Entries { get; }

    /// <summary>Opens and checks the package; returns null with the reasons added to <paramref name="errors"/> when refused.</summary>
    public static PackageArchive? Open(string path, PackageLimits limits, List<PackageError> errors)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(PackageErrors.PackageUnreadable(path, ex.Message));
            return null;
        }

        if (stream.Length > limits.MaxPackageBytes)
        {
            errors.Add(PackageErrors.PackageFileTooLarge(path, stream.Length, limits.MaxPackageBytes));
            stream.Dispose();
            return null;
        }

        ZipArchive zip;
        IReadOnlyList<ZipArchiveEntry> all;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            all = zip.Entries;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
        {
            errors.Add(PackageErrors.NotAZip(path, ex.Message));
            stream.Dispose();
            return null;
        }

        var before = errors.Count;
        var entries = Inspect(all, limits, errors);
        if (errors.Count > before)
        {
            zip.Dispose();
            return null;
        }

        return new PackageArchive(path, zip, entries);
    }

    /// <summary>Reads a whole entry into memory, refusing one larger than <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAll(ZipArchiveEntry entry, long maxBytes, List<PackageError> errors)
    {
        if (entry.Length > maxBytes)
        {
            errors.Add(PackageErrors.EntryTooLarge(entry.FullName, entry.Length, maxBytes));
            return null;
        }

        using var buffer = new MemoryStream((int)entry.Length);
        return Inflate(entry, buffer, null, errors) ? buffer.ToArray() : null;
    }

    /// <summary>The lower-case hex SHA-256 of an entry's content, or null when it cannot be inflated.</summary>
    public static string? Hash(ZipArchiveEntry entry, List<PackageError> errors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        return Inflate(entry, null, hash, errors) ? Convert.ToHexStringLower(hash.GetHashAndReset()) : null;
    }

    /// <summary>
    /// Inflates an entry into <paramref name="copy"/> and/or <paramref name="hash"/>, stopping as
    /// soon as it yields more than its declared size: the directory's sizes are what the limits
    /// were checked against, so the data must not be allowed to exceed them.
    /// </summary>
    public static bool Inflate(ZipArchiveEntry entry, Stream? copy, IncrementalHash? hash, List<PackageError> errors)
    {
        var declared = entry.Length;
        long total = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        Stream? source = null;
        try
        {
            source = entry.Open();
            while (true)
            {
                int read;
                try
                {
                    // Asking for one byte past the declared size is enough to notice a lie.
                    read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, declared - total + 1));
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
                {
                    errors.Add(PackageErrors.CorruptArchive(entry.FullName, ex.Message));
                    return false;
                }

                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > declared)
                {
                    errors.Add(PackageErrors.EntrySizeMismatch(entry.FullName, declared));
                    return false;
                }

                hash?.AppendData(buffer, 0, read);

                // Write failures (disk full) are not the package's fault, so they propagate as they are.
                copy?.Write(buffer, 0, read);
            }
        }
        catch (Exception ex) when (source is null && ex is InvalidDataException or IOException or NotSupportedException)
        {
            errors.Add(PackageErrors.CorruptArchive(entry.FullName, ex.Message));
            return false;
        }
        finally
        {
            source?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (total != declared)
        {
            errors.Add(PackageErrors.EntrySizeMismatch(entry.FullName, declared));
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose() => zip.Dispose();

    private static Dictionary<string, ZipArchiveEntry> Inspect(IReadOnlyList<ZipArchiveEntry> all, PackageLimits limits, List<PackageError> errors)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        if (all.Count > limits.MaxEntries)
        {
            // Checking names of a directory this large would only make a longer report.
            errors.Add(PackageErrors.TooManyEntries(all.Count, limits.MaxEntries));
            return entries;
        }

        var byCollisionKey = new Dictionary<string, string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in all)
        {
            var name = entry.FullName;
            var isDirectory = name.EndsWith('/');
            var checkedName = isDirectory ? name[..^1] : name;
            if (EntryNameRules.Check(checkedName) is { } nameError)
            {
                errors.Add(nameError);
                continue;
            }

            if (!IsRegular(entry, isDirectory, errors))
            {
                continue;
            }

            if (isDirectory)
            {
                // Directory entries carry nothing and are never extracted; other zip tools add them,
                // and re-zipping keeps the signature valid since it covers file contents.
                if (entry.Length != 0 || !(checkedName == "lib" || checkedName.StartsWith(PluginPackageFormat.LibraryPrefix, StringComparison.Ordinal)))
                {
                    errors.Add(PackageErrors.UnexpectedEntry(name));
                }

                continue;
            }

            if (byCollisionKey.TryGetValue(EntryNameRules.CollisionKey(name), out var other))
            {
                errors.Add(PackageErrors.DuplicateEntry(name, other));
                continue;
            }

            byCollisionKey[EntryNameRules.CollisionKey(name)] = name;

            if (!IsInLayout(name))
            {
                errors.Add(PackageErrors.UnexpectedEntry(name));
                continue;
            }

            total += entry.Length;
            if (entry.Length > limits.CompressionRatioThresholdBytes)
            {
                var ratio = entry.Length / Math.Max(1, entry.CompressedLength);
                if (ratio > limits.MaxCompressionRatio)
                {
                    errors.Add(PackageErrors.CompressionRatioTooHigh(name, ratio, limits.MaxCompressionRatio));
                    continue;
                }
            }

            entries[name] = entry;
        }

        // "lib/a" as a file and "lib/a/b" would need "a" to be both a file and a folder.
        foreach (var name in entries.Keys)
        {
            for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = name.IndexOf('/', slash + 1))
            {
                if (byCollisionKey.TryGetValue(EntryNameRules.CollisionKey(name[..slash]), out var file))
                {
                    errors.Add(PackageErrors.DuplicateEntry(name, file));
                }
            }
        }

        if (total > limits.MaxTotalUncompressedBytes)
        {
            errors.Add(PackageErrors.PackageExpandsTooMuch(total, limits.MaxTotalUncompressedBytes));
        }

        return entries;
    }

    private static bool IsRegular(ZipArchiveEntry entry, bool isDirectory, List<PackageError> errors)
    {
        var unixType = (entry.ExternalAttributes >> 16) & UnixFileTypeMask;
        if (unixType == UnixSymbolicLink || (entry.ExternalAttributes & DosReparsePoint) != 0)
        {
            errors.Add(PackageErrors.SymbolicLink(entry.FullName));
            return false;
        }

        // Zero means the archiver recorded no unix mode (e.g. made on Windows).
        if (unixType != 0 && unixType != (isDirectory ? UnixDirectory : UnixRegularFile))
        {
            errors.Add(PackageErrors.SpecialFile(entry.FullName));
            return false;
        }

        return true;
    }

    private static bool IsInLayout(string name) =>
        name == PluginPackageFormat.SignatureEntryName || PluginPackageFormat.IsContentPath(name);
}
