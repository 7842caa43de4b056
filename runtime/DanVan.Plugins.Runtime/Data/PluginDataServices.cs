using DanVan.Plugins.Data;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Data;

/// <summary>
/// Storage for plugins: each plugin version's container gets its own <see cref="IPluginData"/>
/// (disposed with the container, taking its record maps with it), and a version's migrations are
/// applied before it takes traffic.
/// </summary>
internal static class PluginDataServices
{
    // Resolved on first use: a plugin that stores nothing never opens the database.
    public static PluginSharedService Share() => new((services, runtime, manifest) =>
        services.AddSingleton(_ => runtime.GetRequiredService<PluginStorage>().CreateData(manifest.Id)));

    /// <summary>Applies the version's migrations (if it declares any); a failure or refusal becomes a load refusal, so the old version keeps serving.</summary>
    public static async Task MigrateAsync(IServiceProvider runtime, IServiceProvider plugin, PluginManifest manifest, CancellationToken cancellationToken)
    {
        if (plugin.GetService<IPluginMigrations>() is not { } migrations || runtime.GetService<PluginStorage>() is not { } storage)
        {
            return;
        }

        try
        {
            await storage.MigrateAsync(manifest.Id, manifest.Version, migrations.Migrations, cancellationToken);
        }
        catch (MigrationException ex)
        {
            throw new PluginLoadException(ex.Message, ex);
        }
    }
}
