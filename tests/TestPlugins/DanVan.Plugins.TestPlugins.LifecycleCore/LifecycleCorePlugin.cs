using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.LifecycleCore;

internal sealed class LifecycleCorePlugin : IPlugin
{
    // Written when the runtime has created this plugin's context and entry type: proof it loaded.
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        File.AppendAllText(Path.Combine(context.DataDirectory, "loads.txt"), context.Manifest.Version + Environment.NewLine);

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
