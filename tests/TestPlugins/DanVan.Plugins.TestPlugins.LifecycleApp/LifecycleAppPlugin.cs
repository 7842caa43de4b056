using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.LifecycleApp;

internal sealed class LifecycleAppPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        File.AppendAllText(Path.Combine(context.DataDirectory, "loads.txt"), context.Manifest.Version + Environment.NewLine);

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
