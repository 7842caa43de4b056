using DanVan.Plugins.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Ledger;

internal sealed class LedgerPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton<IPluginMigrations>(new LedgerMigrations(context.Manifest.Version));
        services.AddSingleton(new ServedBy(context.Manifest.Version));
    }

    public void Map(IPluginEndpoints endpoints) => endpoints.MapGrpcService<LedgerServiceImpl>();
}

internal sealed record ServedBy(string Version);
