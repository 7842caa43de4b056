namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Bounds on what a package may hold, checked from the zip directory before anything is
/// inflated and again while inflating, so a crafted archive cannot exhaust disk or memory.
/// </summary>
public sealed class PackageLimits
{
    /// <summary>The defaults: 10,000 entries, 256 MiB uncompressed and on disk, 100:1 ratio for entries over 1 MiB.</summary>
    public static PackageLimits Default { get; } = new();

    /// <summary>Most entries a package may have.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Most bytes all entries together may expand to.</summary>
    public long MaxTotalUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest package file accepted; it also bounds the zip directory read into memory.</summary>
    public long MaxPackageBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Highest uncompressed:compressed ratio for an entry larger than <see cref="CompressionRatioThresholdBytes"/>.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries up to this size are not ratio-checked: small files (an empty JSON, a run of zeros) compress very well yet are harmless.</summary>
    public long CompressionRatioThresholdBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest <c>plugin.json</c>; it is read into memory.</summary>
    public long MaxManifestBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest <c>SIGNATURE.json</c>; it is read into memory (10,000 entries take about 2 MiB).</summary>
    public long MaxSignatureBytes { get; init; } = 8L * 1024 * 1024;
}
