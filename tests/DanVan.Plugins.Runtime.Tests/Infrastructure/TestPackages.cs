using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>Signed packages of the test plugin builds, made as the repo's pack step makes them.</summary>
internal static class TestPackages
{
    public static string Pack(string name, string version, string outputDirectory, PackageSigningKey? key = null)
    {
        var manifest = TestPluginBuilds.Manifest(name, version);
        using var devKey = key is null ? PackageSigningKey.FromPemFile(RepoPaths.DevelopmentPrivateKey) : null;
        var writer = new PluginPackageWriter(key ?? devKey!) { Publisher = manifest.Publisher };
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, $"{manifest.Id}-{version}-{Guid.NewGuid():N}.dvp");
        writer.WriteFile(manifest, TestPluginBuilds.Directory(name, version), path);
        return path;
    }
}
