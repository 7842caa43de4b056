using System.Text.Json;
using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.Runtime.Store;

/// <summary>
/// The installed plugin versions on disk: each version's signed package kept under
/// packages/&lt;id&gt;/&lt;version&gt;.dvp, and its files extracted (a shadow copy, so the package in the
/// drop folder can be replaced at will) under versions/&lt;id&gt;/&lt;version&gt;/. The signature is
/// checked at install and again before every load.
/// </summary>
internal sealed class PluginStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _lock = new();
    private readonly string _root;
    private readonly PluginPackageReader _reader;
    private PluginStoreState _state;

    public PluginStore(string root, TrustStore trustStore)
    {
        _root = root;
        _reader = new PluginPackageReader(trustStore);
        Directory.CreateDirectory(root);
        _state = File.Exists(StatePath) ? JsonSerializer.Deserialize<PluginStoreState>(File.ReadAllText(StatePath), Json) ?? new() : new();
    }

    private string StatePath => Path.Combine(_root, "state.json");

    public PluginRecord? Get(string id)
    {
        lock (_lock)
        {
            return _state.Plugins.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<(string Id, PluginRecord Record)> All()
    {
        lock (_lock)
        {
            return _state.Plugins.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        }
    }

    /// <summary>Verifies and installs a package; refuses unsigned, tampered, unsafe or downgrading packages (unless asked) with <see cref="PackageException"/>.</summary>
    public (VerifiedPluginPackage Package, InstallDecision Decision) Install(string packagePath, bool allowDowngrade)
    {
        var package = _reader.VerifyOrThrow(packagePath);
        var id = package.Manifest.Id;
        lock (_lock)
        {
            var record = _state.Plugins.GetValueOrDefault(id);

            // Ids are bound to the publisher that first installed them: another trusted publisher may not take one over.
            if (record?.PublisherKeyId is { } bound && !string.Equals(bound, package.Publisher.KeyId, StringComparison.Ordinal))
            {
                throw new PackageException(packagePath, [StoreErrors.PublisherChanged(id, bound, package.Publisher)]);
            }

            var newest = record?.Installed
                .Select(v => new PluginVersionInfo(id, SemanticVersion.Parse(v.Key), v.Value))
                .OrderByDescending(v => v.Version)
                .FirstOrDefault();
            var sameVersion = record is not null && record.Installed.TryGetValue(package.Manifest.Version, out var digest)
                ? new PluginVersionInfo(id, package.Version, digest)
                : null;
            var decision = PluginVersionPolicy.Decide(sameVersion ?? newest, package.VersionInfo, allowDowngrade);
            if (decision.Refusal is { } refusal)
            {
                throw new PackageException(packagePath, [refusal]);
            }

            if (decision.ShouldInstall)
            {
                var stored = PackagePath(id, package.Manifest.Version);
                Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
                var temp = stored + ".tmp";
                File.Copy(packagePath, temp, overwrite: true);
                File.Move(temp, stored, overwrite: true);
                var versionDirectory = VersionDirectory(id, package.Manifest.Version);
                if (Directory.Exists(versionDirectory))
                {
                    Directory.Delete(versionDirectory, recursive: true);
                }

                package.ExtractTo(versionDirectory);
                record ??= _state.Plugins[id] = new PluginRecord();
                record.Installed[package.Manifest.Version] = package.ContentDigest;
                record.PublisherKeyId ??= package.Publisher.KeyId;
                Save();
            }

            return (package, decision);
        }
    }

    /// <summary>Re-verifies a stored version (signature and extracted files) before it is loaded; re-extracts files that were altered.</summary>
    public (PluginManifest Manifest, string Directory) PrepareLoad(string id, string version)
    {
        var stored = PackagePath(id, version);
        if (!File.Exists(stored))
        {
            throw new KeyNotFoundException($"Plugin '{id}' {version} is not installed.");
        }

        var package = _reader.VerifyOrThrow(stored);
        CheckIsTheInstalledPackage(id, version, stored, package);
        var directory = VersionDirectory(id, version);
        try
        {
            package.VerifyExtracted(directory);
        }
        catch (PackageException)
        {
            // Files on disk drifted from the signed package: restore them from it.
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            package.ExtractTo(directory);
        }

        return (package.Manifest, directory);
    }

    // A validly signed package put in place of the stored one (another plugin's, another build, another signer) is not what was installed.
    private void CheckIsTheInstalledPackage(string id, string version, string stored, VerifiedPluginPackage package)
    {
        var record = Get(id);
        string? found = null;
        if (package.Manifest.Id != id || package.Manifest.Version != version)
        {
            found = $"{package.Manifest.Id} {package.Manifest.Version}";
        }
        else if (record is not null && record.Installed.TryGetValue(version, out var digest) && !string.Equals(digest, package.ContentDigest, StringComparison.Ordinal))
        {
            found = "other content / nội dung khác";
        }
        else if (record?.PublisherKeyId is { } bound && !string.Equals(bound, package.Publisher.KeyId, StringComparison.Ordinal))
        {
            found = $"signed with key {package.Publisher.KeyId} / ký bằng khóa {package.Publisher.KeyId}";
        }

        if (found is not null)
        {
            throw new PackageException(stored, [StoreErrors.StoredPackageReplaced(id, version, found)]);
        }
    }

    /// <summary>Forgets the plugin: its record, stored packages and extracted versions.</summary>
    public bool Remove(string id)
    {
        lock (_lock)
        {
            if (!_state.Plugins.Remove(id))
            {
                return false;
            }

            foreach (var folder in new[] { Path.Combine(_root, "packages", id), Path.Combine(_root, "versions", id) })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            Save();
            return true;
        }
    }

    public void Update(string id, Action<PluginRecord> change)
    {
        lock (_lock)
        {
            if (!_state.Plugins.TryGetValue(id, out var record))
            {
                throw new KeyNotFoundException($"No plugin '{id}' is installed.");
            }

            change(record);
            Save();
        }
    }

    private string PackagePath(string id, string version) => Path.Combine(_root, "packages", id, version + PluginPackageFormat.FileExtension);

    private string VersionDirectory(string id, string version) => Path.Combine(_root, "versions", id, version);

    private void Save()
    {
        var temp = StatePath + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_state, Json));
        File.Move(temp, StatePath, overwrite: true);
    }
}
