namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>The outcome of <see cref="PluginPackageReader.Verify"/>: the verified package, or every reason it was refused.</summary>
public sealed class PackageVerificationResult
{
    private PackageVerificationResult(string packagePath, VerifiedPluginPackage? package, IReadOnlyList<PackageError> errors)
    {
        PackagePath = packagePath;
        Package = package;
        Errors = errors;
    }

    /// <summary>The package file checked.</summary>
    public string PackagePath { get; }

    /// <summary>True when the package is signed by a trusted publisher, intact, and has a valid manifest.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Package))]
    public bool Succeeded => Package is not null;

    /// <summary>The verified package; null when refused.</summary>
    public VerifiedPluginPackage? Package { get; }

    /// <summary>Why it was refused; empty on success.</summary>
    public IReadOnlyList<PackageError> Errors { get; }

    /// <summary>The verified package.</summary>
    /// <exception cref="PackageException">The package was refused.</exception>
    public VerifiedPluginPackage GetPackageOrThrow() => Package ?? throw new PackageException(PackagePath, Errors);

    internal static PackageVerificationResult Success(VerifiedPluginPackage package) => new(package.PackagePath, package, []);

    internal static PackageVerificationResult Failure(string packagePath, List<PackageError> errors) => new(packagePath, null, errors);
}
