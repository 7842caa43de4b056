namespace DanVan.Plugins.Runtime.Packaging.Tests;

/// <summary>Shared assertion: a package is refused with a code, and verifying wrote nothing anywhere.</summary>
internal static class Refusals
{
    public static PackageError AssertRefused(TempDirectory temp, string package, TrustStore trust, PackageErrorCode code, PackageLimits? limits = null)
    {
        var before = temp.Snapshot();
        var result = new PluginPackageReader(trust, limits).Verify(package);

        Assert.False(result.Succeeded);
        Assert.Null(result.Package);
        var error = Assert.Single(result.Errors, e => e.Code == code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageVi));
        Assert.Equal(before, temp.Snapshot());
        var thrown = Assert.Throws<PackageException>(() => result.GetPackageOrThrow());
        Assert.Contains(thrown.Errors, e => e.Code == code);
        return error;
    }
}
