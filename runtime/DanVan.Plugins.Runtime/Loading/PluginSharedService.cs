using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// A runtime service offered to plugins' containers (host clients, storage, events). Register
/// instances of this in the runtime's DI; the loader lets each add what the plugin's manifest
/// entitles it to.
/// </summary>
internal sealed class PluginSharedService(Action<IServiceCollection, IServiceProvider, PluginManifest> addTo)
{
    public void AddTo(IServiceCollection services, IServiceProvider runtimeServices, PluginManifest manifest) => addTo(services, runtimeServices, manifest);
}
