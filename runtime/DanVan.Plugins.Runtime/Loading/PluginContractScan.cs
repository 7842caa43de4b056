using System.Reflection;
using DanVan.Plugins.Data;
using DanVan.Plugins.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Registers, by Scrutor scanning of the plugin's entry assembly, its classes implementing the
/// contracts the runtime resolves from a plugin (badge providers, host event handlers, job
/// handlers, migrations), as singletons, so a plugin need not list them by hand. Runs after the
/// plugin's own ConfigureServices, whose registrations win (see <see cref="SkipRegisteredStrategy"/>).
/// </summary>
internal static class PluginContractScan
{
    public static readonly Type[] Contracts = [typeof(ITabBadgeProvider), typeof(IHostEventHandler), typeof(IJobHandler), typeof(IPluginMigrations)];

    public static void AddTo(IServiceCollection services, Assembly pluginAssembly) =>
        services.Scan(scan => scan.FromAssemblies(pluginAssembly)
            // Plugin classes are usually internal, which Scrutor skips unless asked.
            .AddClasses(classes => classes.AssignableToAny(Contracts), publicOnly: false)
            .UsingRegistrationStrategy(SkipRegisteredStrategy.Instance)
            .As(type => Contracts.Where(contract => contract.IsAssignableFrom(type)))
            .WithSingletonLifetime());
}
