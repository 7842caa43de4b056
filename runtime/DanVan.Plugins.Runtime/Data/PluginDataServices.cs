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
    /// that part is bounded by the start-up timeout like the plugin's other start-up steps: a hang
    /// is refused instead of holding the manager. The SQL itself is not: a legitimate migration of a
    /// province's data may take longer than any start-up step should.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider runtime, IServiceProvider plugin, PluginManifest manifest, CancellationToken cancellationToken)
    {
        if (runtime.GetService<PluginStorage>() is not { } storage)
        {
            return;
        }

        var timeout = runtime.GetService<PluginRuntimeOptions>()?.StartTimeout ?? TimeSpan.FromSeconds(10);
        IReadOnlyList<Migration>? migrations;
        try
        {
            migrations = await Task.Run(() => plugin.GetService<IPluginMigrations>()?.Migrations, cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new PluginLoadException(
                $"Plugin '{manifest.Id}' {manifest.Version}: bước migration (lấy danh sách migration của plugin) không xong trong {timeout.TotalSeconds:0.#} s; plugin bị cách ly vì treo. / "
                + $"Plugin '{manifest.Id}' {manifest.Version}: the migration step (listing the plugin's migrations) did not finish within {timeout.TotalSeconds:0.#} s; the plugin is quarantined as hung.");
        }

        if (migrations is null)
        {
            return;
        }

        try
        {
            await storage.MigrateAsync(manifest.Id, manifest.Version, migrations, cancellationToken);
        }
        catch (MigrationException ex)
        {
            throw new PluginLoadException(ex.Message, ex);
        }
    }
}
