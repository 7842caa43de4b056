namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>Why a package, a trust store or an install was refused. Values are stable: log and match on the name.</summary>
public enum PackageErrorCode
{
    /// <summary>The package file could not be opened or read.</summary>
    PackageUnreadable = 1,

    /// <summary>The file is not a zip archive.</summary>
    NotAZip,

    /// <summary>The zip is damaged (bad local header, CRC mismatch, truncated data).</summary>
    CorruptArchive,

    /// <summary>More entries than <see cref="PackageLimits.MaxEntries"/>.</summary>
    TooManyEntries,

    /// <summary>The package file or its total uncompressed size exceeds the limits.</summary>
    PackageTooLarge,

    /// <summary>An entry expands far more than real plugin files do (compression-ratio bomb).</summary>
    CompressionRatioTooHigh,

    /// <summary>An entry inflates to a different size than its header declares.</summary>
    EntrySizeMismatch,

    /// <summary>An entry name is an absolute path (<c>/etc/x</c>).</summary>
    EntryNameAbsolute,

    /// <summary>An entry name has a <c>..</c> segment (zip slip).</summary>
    EntryNameTraversal,

    /// <summary>An entry name contains a backslash.</summary>
    EntryNameBackslash,

    /// <summary>An entry name starts with a drive letter (<c>C:</c>).</summary>
    EntryNameDriveLetter,

    /// <summary>An entry name contains NUL, a control character or one of <c>: * ? " &lt; &gt; |</c>.</summary>
    EntryNameInvalidCharacter,

    /// <summary>An entry name has an empty or <c>.</c> segment, a segment ending in a dot or space, or a reserved device name.</summary>
    EntryNameInvalidSegment,

    /// <summary>An entry is a symbolic link (unix <c>S_IFLNK</c> mode or a Windows reparse point).</summary>
    SymbolicLink,

    /// <summary>An entry is a device, FIFO or socket.</summary>
    SpecialFile,

    /// <summary>Two entries have the same name (compared ignoring case and Unicode normalisation).</summary>
    DuplicateEntry,

    /// <summary>An entry is outside the layout: only <c>plugin.json</c>, <c>SIGNATURE.json</c> and <c>lib/…</c> are allowed.</summary>
    UnexpectedEntry,

    /// <summary>No <c>plugin.json</c> at the package root.</summary>
    ManifestMissing,

    /// <summary>No <c>SIGNATURE.json</c>: the package is unsigned.</summary>
    SignatureMissing,

    /// <summary><c>SIGNATURE.json</c> is not valid JSON or lacks or has bad fields.</summary>
    SignatureMalformed,

    /// <summary><c>SIGNATURE.json</c> has a format version or algorithm this runtime does not support.</summary>
    UnsupportedSignatureFormat,

    /// <summary>The signing key is not among the province's trusted publisher keys.</summary>
    UntrustedPublisher,

    /// <summary>The signature does not verify with the trusted key.</summary>
    SignatureInvalid,

    /// <summary><c>plugin.json</c> names a different publisher than the signature.</summary>
    PublisherMismatch,

    /// <summary>A file's SHA-256 differs from the signed one (modified after signing).</summary>
    FileTampered,

    /// <summary>A file is present but not covered by the signature.</summary>
    FileNotListed,

    /// <summary>A file covered by the signature is absent.</summary>
    FileMissing,

    /// <summary><c>plugin.json</c> is not valid JSON or has values of the wrong JSON type.</summary>
    ManifestInvalidJson,

    /// <summary><c>plugin.json</c> fails validation; <see cref="PackageError.Field"/> names the field. All such errors are reported together.</summary>
    ManifestInvalid,

    /// <summary>A trusted publisher key file or trust store JSON is unreadable or holds an unsupported key.</summary>
    TrustStoreInvalid,

    /// <summary>The candidate is older than the installed version and a downgrade was not asked for.</summary>
    DowngradeRefused,

    /// <summary>The same version is installed with different content.</summary>
    SameVersionDifferentContent,

    /// <summary>The package is signed by another publisher key than the installed versions of the same plugin id.</summary>
    PublisherChanged,

    /// <summary>A stored package no longer is the one installed: another plugin id, version or content, or another signer.</summary>
    StoredPackageReplaced,
}
