namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// One reason a package was refused: a stable code, the entry (or file) concerned, an English
/// message for logs and a Vietnamese message for provincial IT.
/// </summary>
public sealed class PackageError
{
    /// <summary>Creates an error.</summary>
    public PackageError(PackageErrorCode code, string? entry, string message, string messageVi, string? field = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentException.ThrowIfNullOrEmpty(messageVi);
        Code = code;
        Entry = entry;
        Message = message;
        MessageVi = messageVi;
        Field = field;
    }

    /// <summary>Why it was refused.</summary>
    public PackageErrorCode Code { get; }

    /// <summary>The package entry (e.g. <c>lib/X.dll</c>) or file the error is about; null when it concerns the whole package.</summary>
    public string? Entry { get; }

    /// <summary>For <see cref="PackageErrorCode.ManifestInvalid"/>: the manifest field, e.g. <c>tabs[1].id</c>.</summary>
    public string? Field { get; }

    /// <summary>What went wrong, in English, for logs.</summary>
    public string Message { get; }

    /// <summary>What went wrong, in Vietnamese, for provincial IT.</summary>
    public string MessageVi { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
