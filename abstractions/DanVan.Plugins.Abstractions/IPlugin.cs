using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins;

/// <summary>
/// A plugin's entry point, named by <see cref="PluginManifest.EntryType"/>. The runtime creates
/// it in the plugin's own load context, gives it a fresh service collection layered over the
/// runtime's shared services, and maps what it declares. It may be internal and sealed.
/// </summary>
public interface IPlugin
{
    /// <summary>
    /// Registers the plugin's services (Scrutor scanning of the plugin assembly works here). The collection
    /// already holds the options services (<c>IOptions&lt;T&gt;</c>, <c>IOptionsMonitor&lt;T&gt;</c>; bind
    /// <see cref="PluginContext.Settings"/> with <c>services.Configure&lt;T&gt;(context.Settings)</c> or an
    /// <c>IConfigureOptions&lt;T&gt;</c> class). Afterwards the runtime scans the plugin's assembly and registers, as
    /// singletons, its classes implementing <see cref="ITabBadgeProvider"/>, <see cref="IHostEventHandler"/>,
    /// <see cref="Jobs.IJobHandler"/> and <see cref="Data.IPluginMigrations"/> that this method did not register
    /// itself; a contract registered here through a factory is left as registered.
    /// </summary>
    void ConfigureServices(IServiceCollection services, PluginContext context);

    /// <summary>Maps the plugin's gRPC services and tab pages.</summary>
    void Map(IPluginEndpoints endpoints);
}
