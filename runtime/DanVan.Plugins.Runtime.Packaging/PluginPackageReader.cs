using System.Security.Cryptography;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Verifies a package file against the province's trust store without extracting anything:
/// structure and limits first, then the signature over the file list, then every file's hash,
/// then the manifest. The runtime calls it at install and again at every load.
/// </summary>
public sealed class PluginPackageReader
{
    private readonly TrustStore trustStore;
    private readonly PackageLimits limits;

    /// <summary>Creates a reader trusting the publishers in <paramref name="trustStore"/>.</summary>
    public PluginPackageReader(TrustStore trustStore, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        this.trustStore = trustStore;
        this.limits = limits ?? PackageLimits.Default;
    }

    /// <summary>Verifies the package; never throws for a bad package, it reports every reason found.</summary>
    public PackageVerificationResult Verify(string packagePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(packagePath);
        var errors = new List<PackageError>();
        var package = VerifyCore(packagePath, errors);
        return package is null ? PackageVerificationResult.Failure(packagePath, errors) : PackageVerificationResult.Success(package);
    }

    /// <summary>Verifies the package and returns it.</summary>
    /// <exception cref="PackageException">The package was refused; <see cref="PackageException.Errors"/> has every reason.</exception>
    public VerifiedPluginPackage VerifyOrThrow(string packagePath) => Verify(packagePath).GetPackageOrThrow();

    private VerifiedPluginPackage? VerifyCore(string packagePath, List<PackageError> errors)
    {
        using var archive = PackageArchive.Open(packagePath, limits, errors);
        if (archive is null)
        {
            return null;
        }

        var manifestEntry = archive.Entries.GetValueOrDefault(PluginPackageFormat.ManifestEntryName);
        var signatureEntry = archive.Entries.GetValueOrDefault(PluginPackageFormat.SignatureEntryName);
        if (manifestEntry is null)
        {
            errors.Add(PackageErrors.ManifestMissing());
        }

        if (signatureEntry is null)
        {
            errors.Add(PackageErrors.SignatureMissing());
        }

        if (manifestEntry is null || signatureEntry is null)
        {
            return null;
        }

        // Signature before content: until it verifies, the file list is just a claim, and no
        // plugin content (not even plugin.json) is parsed on the strength of a claim.
        var signatureJson = PackageArchive.ReadAll(signatureEntry, limits.MaxSignatureBytes, errors);
        if (signatureJson is null
            || !SignatureParser.TryParse(signatureJson, limits, out var signature, out var signatureBytes, errors))
        {
            return null;
        }

        if (!trustStore.TryGetPublisher(signature.KeyId!, out var publisher))
        {
            errors.Add(PackageErrors.UntrustedPublisher(signature.Publisher!, signature.KeyId!));
            return null;
        }

        var files = new Dictionary<string, string>(signature.Files!, StringComparer.Ordinal);
        var payload = SignedPayload.Build(signature.FormatVersion!.Value, signature.Publisher!, signature.KeyId!, signature.Algorithm!, files);
        if (!publisher.Verify(payload, signatureBytes))
        {
            errors.Add(PackageErrors.SignatureInvalid(signature.Publisher!, signature.KeyId!));
            return null;
        }

        var manifestBytes = CheckContent(archive, files, manifestEntry, errors);
        if (manifestBytes is null)
        {
            return null;
        }

        var libraryFiles = files.Keys
            .Where(p => p.StartsWith(PluginPackageFormat.LibraryPrefix, StringComparison.Ordinal))
            .Select(p => p[PluginPackageFormat.LibraryPrefix.Length..])
            .ToList();
        var manifest = PluginManifestJson.Parse(manifestBytes, libraryFiles, errors);
        if (manifest is null)
        {
            return null;
        }

        if (manifest.Publisher is { } named && !string.Equals(named, signature.Publisher, StringComparison.Ordinal))
        {
            errors.Add(PackageErrors.PublisherMismatch(named, signature.Publisher!));
            return null;
        }

        return new VerifiedPluginPackage(packagePath, manifest, publisher, signature.Publisher!, files, limits);
    }

    /// <summary>
    /// Checks the entries are exactly the signed files with the signed hashes; returns the
    /// plugin.json bytes that were hashed, so the manifest parsed is the one verified.
    /// </summary>
    private byte[]? CheckContent(PackageArchive archive, Dictionary<string, string> files, System.IO.Compression.ZipArchiveEntry manifestEntry, List<PackageError> errors)
    {
        var before = errors.Count;
        foreach (var name in archive.Entries.Keys.Where(n => n != PluginPackageFormat.SignatureEntryName && !files.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            errors.Add(PackageErrors.FileNotListed(name));
        }

        foreach (var name in files.Keys.Where(n => !archive.Entries.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            errors.Add(PackageErrors.FileMissing(name));
        }

        var manifestBytes = PackageArchive.ReadAll(manifestEntry, limits.MaxManifestBytes, errors);
        if (manifestBytes is not null)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
            if (actual != files[PluginPackageFormat.ManifestEntryName])
            {
                errors.Add(PackageErrors.FileTampered(PluginPackageFormat.ManifestEntryName, files[PluginPackageFormat.ManifestEntryName], actual));
            }
        }

        foreach (var (name, expected) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name == PluginPackageFormat.ManifestEntryName || !archive.Entries.TryGetValue(name, out var entry))
            {
                continue;
            }

            var actual = PackageArchive.Hash(entry, errors);
            if (actual is not null && actual != expected)
            {
                errors.Add(PackageErrors.FileTampered(name, expected, actual));
            }
        }

        return errors.Count == before ? manifestBytes : null;
    }
}
