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

    /// <summary>
    /// Applies the version's migrations (if it declares any); a failure or refusal becomes a load
    /// refusal, so the old version keeps serving. Finding the migrations runs the plugin's code, so
    /// the whole step is bounded by the start-up timeout like the plugin's other start-up steps: a
    /// hang is refused (and the database work cancelled) instead of holding the manager.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider runtime, IServiceProvider plugin, PluginManifest manifest, CancellationToken cancellationToken)
    {
        if (runtime.GetService<PluginStorage>() is not { } storage)
        {
            return;
        }

        var timeout = runtime.GetService<PluginRuntimeOptions>()?.StartTimeout ?? TimeSpan.FromSeconds(10);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Task.Run(
            async () =>
            {
                if (plugin.GetService<IPluginMigrations>()?.Migrations is not { } migrations)
                {
                    return;
                }

                abandon.Token.ThrowIfCancellationRequested();
                await storage.MigrateAsync(manifest.Id, manifest.Version, migrations, abandon.Token).ConfigureAwait(false);
            },
            abandon.Token);
        try
        {
            await work.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await abandon.CancelAsync();
            throw new PluginLoadException(
                $"Plugin '{manifest.Id}' {manifest.Version}: bước migration không xong trong {timeout.TotalSeconds:0.#} s; plugin bị cách ly vì treo. / "
                + $"Plugin '{manifest.Id}' {manifest.Version}: the migration step did not finish within {timeout.TotalSeconds:0.#} s; the plugin is quarantined as hung.");
        }
        catch (MigrationException ex)
        {
            throw new PluginLoadException(ex.Message, ex);
        }
    }
}
