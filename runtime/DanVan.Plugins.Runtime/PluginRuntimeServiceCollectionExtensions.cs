using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Health;
using DanVan.Plugins.Grpc.Hosting;
using DanVan.Plugins.Grpc.Security;
using DanVan.Plugins.Runtime;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Data;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Runtime.Packaging;
using DanVan.Plugins.Runtime.Store;
using DanVan.Plugins.Runtime.Watching;
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
        var bearer = new BearerTokenOptions();
        foreach (var (caller, token) in options.CallerTokens)
        {
            bearer.Tokens[caller] = token;
        }

        services.AddGrpc(o =>
        {
            o.Interceptors.Add(new BearerTokenAuthInterceptor(bearer));
            o.Interceptors.Add(new RecordStoreErrorInterceptor());
        });
        services.AddGrpcHealthChecks();
        services.AddGrpcReflection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PluginLoader(sp, options));
        services.TryAddSingleton(_ => DatabaseConnector.Create(options.Storage, options.DataDirectory));
        services.TryAddSingleton(sp => new PluginStorage(sp.GetRequiredService<DatabaseConnector>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(PluginDataServices.Share());
        if (options.HostAddress is not null)
        {
            var hostChannel = HostClients.CreateChannel(options);
            services.AddSingleton(HostClients.Share(hostChannel));
        }

        services.TryAddSingleton(sp => new PluginManager(
            sp.GetRequiredService<PluginLoader>(),
            sp.GetRequiredService<GrpcServiceRegistry>(),
            sp.GetService<HealthServiceImpl>(),
            options,
            sp.GetRequiredService<ILogger<PluginManager>>()));
        services.TryAddSingleton(sp => new PluginStore(
            Path.Combine(options.RootDirectory),
            options.TrustStorePath is null ? TrustStore.Empty : TrustStore.Load(options.TrustStorePath)));
        services.TryAddSingleton(sp => new AdminAuditLog(
            Path.Combine(options.RootDirectory, "admin-audit.jsonl"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AdminAuditLog>>()));
        services.TryAddSingleton(sp => new PluginAdministration(
            sp.GetRequiredService<PluginStore>(),
            sp.GetRequiredService<PluginManager>(),
            sp.GetRequiredService<AdminAuditLog>()));
        services.TryAddSingleton(options.Admin);
        services.TryAddSingleton(sp => new DropFolderWatcher(
            sp.GetRequiredService<PluginAdministration>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DropFolderWatcher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DropFolderWatcher>());
        services.TryAddSingleton(sp => new ProvinceConfigurationWatcher(
            sp.GetRequiredService<PluginAdministration>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ProvinceConfigurationWatcher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ProvinceConfigurationWatcher>());
        services.TryAddSingleton(sp => new PluginAdminServiceImpl(
            sp.GetRequiredService<PluginAdministration>(),
            options.Admin,
            options,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
