using DanVan.Plugins.Tasks.Extraction;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Tasks;

/// <summary>
/// Entry point of the Tasks plugin. For now it only offers the draft extractor to the plugin's own
/// services; gRPC services and tabs come with the rest of issue 6.
/// </summary>
internal sealed class TasksPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton<DirectiveExtractor>();
    }

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
