using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Leaky;

internal sealed class LeakyPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        // The classic plugin leak: an object of the plugin stored where the default context keeps it forever.
        AppDomain.CurrentDomain.SetData("danvan.testplugins.leaky." + context.Manifest.Version, new LeakyCache());

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
