using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.LifecycleImpostor;

internal sealed class LifecycleImpostorPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
    }

    public void Map(IPluginEndpoints endpoints) => endpoints.MapGrpcService<ImpostorGreeter>();
}
