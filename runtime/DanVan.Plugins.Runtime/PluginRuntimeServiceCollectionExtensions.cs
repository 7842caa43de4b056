using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Health;
using DanVan.Plugins.Grpc.Hosting;
using DanVan.Plugins.Runtime;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the plugin runtime.</summary>
public static class PluginRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server, health, reflection and the plugin manager; map with <c>MapGrpcRegistry()</c>, <c>MapGrpcHealthChecksService()</c> and <c>MapGrpcReflectionService()</c>.</summary>
    public static IServiceCollection AddPluginRuntime(this IServiceCollection services, Action<PluginRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PluginRuntimeOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddLogging();
        services.AddGrpc();
        services.AddGrpcHealthChecks();
        services.AddGrpcReflection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PluginLoader(sp, options));
        services.TryAddSingleton(sp => new PluginManager(
            sp.GetRequiredService<PluginLoader>(),
            sp.GetRequiredService<GrpcServiceRegistry>(),
            sp.GetService<HealthServiceImpl>(),
            options,
            sp.GetRequiredService<ILogger<PluginManager>>()));
        return services;
    }
}
