using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Future;

internal sealed class FuturePlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        throw new InvalidOperationException("Must never run: the runtime refuses this plugin from its manifest.");

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
