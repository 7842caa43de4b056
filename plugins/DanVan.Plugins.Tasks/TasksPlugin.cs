using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Tasks;

/// <summary>
/// Entry point of the Tasks plugin ("Theo dõi nhiệm vụ"). For now it offers the draft extractor and
/// the unit resolver (over the host's DirectoryService client, which the runtime provides for the
/// manifest's directory:read permission) to the plugin's own services; gRPC services and tabs come
/// with the rest of issue 6.
/// </summary>
internal sealed class TasksPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton<DirectiveExtractor>();
        services.AddSingleton<IUnitDirectory>(sp => new DirectoryServiceUnitDirectory(sp.GetRequiredService<DirectoryService.DirectoryServiceClient>()));
        services.AddSingleton<UnitResolver>();
    }

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
