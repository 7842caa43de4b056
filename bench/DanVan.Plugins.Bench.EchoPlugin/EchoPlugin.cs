using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Bench.EchoPlugin;

internal sealed class EchoPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
    }

    public void Map(IPluginEndpoints endpoints) => endpoints.MapGrpcService<PluginEchoServiceImpl>();
}
