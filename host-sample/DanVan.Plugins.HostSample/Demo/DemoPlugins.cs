using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.HostSample.Demo;

/// <summary>
/// Installs the plugins built with the sample (packed and signed with the development key) into
/// the embedded runtime: the newest package of each plugin, unless that version is already
/// installed — so a second start keeps what provincial IT changed (a plugin disabled stays disabled).
/// </summary>
internal static class DemoPlugins
{
    public static async Task<IReadOnlyList<string>> InstallAsync(PluginAdministration admin, string packagesDirectory, string trustStorePath, ILogger logger, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(packagesDirectory))
        {
            logger.LogWarning("No plugin packages in {Folder}; build the solution (dotnet build) to pack the plugins.", packagesDirectory);
            return [];
        }

        var reader = new PluginPackageReader(TrustStore.Load(trustStorePath));
        var newest = Directory.EnumerateFiles(packagesDirectory, "*" + PluginPackageFormat.FileExtension)
            .Select(path => (Path: path, Manifest: reader.VerifyOrThrow(path).Manifest))
            .GroupBy(p => p.Manifest.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(p => SemanticVersion.Parse(p.Manifest.Version)))
            .ToList();
        var installed = admin.List().ToDictionary(p => p.Id, StringComparer.Ordinal);
        var done = new List<string>();
        foreach (var (path, manifest) in newest)
        {
            if (installed.TryGetValue(manifest.Id, out var status) && status.InstalledVersions.Contains(manifest.Version, StringComparer.Ordinal))
            {
                continue;
            }

            var result = await admin.InstallAsync(path, "sample-host-demo", cancellationToken: cancellationToken);
            logger.LogInformation("Installed plugin {Id} {Version}: {State}", result.Id, result.ActiveVersion, result.State);
            done.Add(result.Id);
        }

        return done;
    }
}
