namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// A package that passed verification: its manifest, who signed it, and the signed file list.
/// It holds no open file; <see cref="ExtractTo"/> reopens the package and re-checks every hash,
/// so a file swapped after verification is caught.
/// </summary>
public sealed class VerifiedPluginPackage
{
    private readonly PackageLimits limits;

    internal VerifiedPluginPackage(string packagePath, PluginManifest manifest, TrustedPublisher publisher, string signedPublisherName, IReadOnlyDictionary<string, string> files, PackageLimits limits)
    {
        PackagePath = packagePath;
        Manifest = manifest;
        Publisher = publisher;
        SignedPublisherName = signedPublisherName;
        Files = files;
        this.limits = limits;
        Version = SemanticVersion.Parse(manifest.Version);
        ContentDigest = SignedPayload.ContentDigest(files);
    }

    /// <summary>The package file verified.</summary>
    public string PackagePath { get; }

    /// <summary>The validated manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The manifest's version, parsed.</summary>
    public SemanticVersion Version { get; }

    /// <summary>The trusted publisher whose key signed the package; its <see cref="TrustedPublisher.Name"/> is the province's label.</summary>
    public TrustedPublisher Publisher { get; }

    /// <summary>The publisher name the signer wrote into SIGNATURE.json (and plugin.json, when it names one).</summary>
    public string SignedPublisherName { get; }

    /// <summary>The signed files (package path → lower-case hex SHA-256), plugin.json included.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>
    /// Digest of the signed file list: equal for two packages exactly when they hold the same
    /// files byte for byte. Store it per installed version; <see cref="PluginVersionPolicy"/> uses
    /// it to tell "already installed" from "same version, different build".
    /// </summary>
    public string ContentDigest { get; }

    /// <summary>The id, version and content digest, as the version policy takes them.</summary>
    public PluginVersionInfo VersionInfo => new(Manifest.Id, Version, ContentDigest);

    /// <summary>
    /// Extracts the files under <c>lib/</c> (without the <c>lib/</c> prefix) and the signed
    /// <c>plugin.json</c> beside them into <paramref name="targetDirectory"/> (the layout of the
    /// plugin's build output), which must not exist or be empty. Files are written to
    /// a hidden staging folder beside it, each hash checked while writing, and the folder is
    /// renamed into place only when all match; on refusal nothing is left behind.
    /// </summary>
    /// <exception cref="PackageException">The package changed since verification, or is now refused.</exception>
    /// <exception cref="IOException">The target exists and is not empty, or the disk failed.</exception>
    public void ExtractTo(string targetDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetDirectory);
        PackageExtractor.Extract(this, limits, targetDirectory);
    }

    /// <summary>
    /// Checks a folder extracted from this package still holds exactly the signed files with the
    /// signed bytes and no links, e.g. before loading it. Every difference is reported.
    /// </summary>
    /// <exception cref="PackageException">Codes <see cref="PackageErrorCode.FileTampered"/>, <see cref="PackageErrorCode.FileMissing"/>, <see cref="PackageErrorCode.FileNotListed"/>, <see cref="PackageErrorCode.SymbolicLink"/>.</exception>
    public void VerifyExtracted(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        PackageExtractor.VerifyExtracted(this, directory);
    }

    internal VerifiedPluginPackage WithPath(string packagePath) => new(packagePath, Manifest, Publisher, SignedPublisherName, Files, limits);
}
