using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Watching;
using DanVan.Plugins.Storage.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Hosting;

/// <summary>
/// What the runtime does before it listens: the job tables (plugins may schedule jobs while they
/// start), then province.json (so a plugin it disables never loads, even briefly), then the
/// plugins that served before the last stop, each re-verified and started after its dependencies.
/// </summary>
internal static class RuntimeStartup
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<JobStore>().EnsureCreatedAsync(cancellationToken);
        await services.GetRequiredService<ProvinceConfigurationWatcher>().ApplyBeforeRestoreAsync();
        await services.GetRequiredService<PluginAdministration>().RestoreAsync(cancellationToken);
    }
}
