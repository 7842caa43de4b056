using DanVan.Plugins.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.LifecycleMigration;

internal sealed class LifecycleMigrationPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<IPluginMigrations, HangingMigrations>();

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
