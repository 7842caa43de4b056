using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins;

/// <summary>
/// A plugin's entry point, named by <see cref="PluginManifest.EntryType"/>. The runtime creates
/// it in the plugin's own load context, gives it a fresh service collection layered over the
/// runtime's shared services, and maps what it declares. It may be internal and sealed.
/// </summary>
public interface IPlugin
{
    /// <summary>Registers the plugin's services (Scrutor scanning of the plugin assembly works here).</summary>
    void ConfigureServices(IServiceCollection services, PluginContext context);

    /// <summary>Maps the plugin's gRPC services and tab pages.</summary>
    void Map(IPluginEndpoints endpoints);
}
