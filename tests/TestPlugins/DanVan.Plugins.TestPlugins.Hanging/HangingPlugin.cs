using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Hanging;

internal sealed class HangingPlugin : IPlugin
{
    private static readonly ManualResetEventSlim Never = new(false);

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
    }

    // Blocks the start-up thread for good: the runtime must give up on it, not wait.
    public void Map(IPluginEndpoints endpoints) => Never.Wait();
}
