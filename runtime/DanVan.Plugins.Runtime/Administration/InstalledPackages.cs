using System.Collections.Concurrent;
using System.Security.Cryptography;
using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// The SHA-256 of each installed package file, for the admin API. The store keeps every installed
/// version's package as <c>packages/&lt;id&gt;/&lt;version&gt;.dvp</c> under the runtime's root (see PluginStore);
/// a hash is computed once per file and kept while the file is unchanged.
/// </summary>
internal sealed class InstalledPackages(string storeRoot)
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Written, string Sha256)> _hashes = new(StringComparer.Ordinal);

    /// <summary>The lower-case hex SHA-256 of the stored package, or null when that version is not stored.</summary>
    public string? Sha256(string id, string version)
    {
        if (version.Length == 0)
        {
            return null;
        }

        var file = new FileInfo(Path.Combine(storeRoot, "packages", id, version + PluginPackageFormat.FileExtension));
        if (!file.Exists)
        {
            return null;
        }

        if (_hashes.TryGetValue(file.FullName, out var known) && known.Length == file.Length && known.Written == file.LastWriteTimeUtc)
        {
            return known.Sha256;
        }

        try
        {
            using var stream = file.OpenRead();
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
            _hashes[file.FullName] = (file.Length, file.LastWriteTimeUtc, sha256);
            return sha256;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
