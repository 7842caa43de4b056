using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// A runtime service offered to every plugin's container (host clients, storage, events).
/// Register instances of this in the runtime's DI; the loader copies each into each plugin.
/// </summary>
internal sealed class PluginSharedService(Action<IServiceCollection, IServiceProvider> addTo)
{
    public void AddTo(IServiceCollection services, IServiceProvider runtimeServices) => addTo(services, runtimeServices);
}
