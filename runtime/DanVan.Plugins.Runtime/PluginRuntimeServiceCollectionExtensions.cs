using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Health;
using DanVan.Plugins.Grpc.Hosting;
using DanVan.Plugins.Grpc.Security;
using DanVan.Plugins.Runtime;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Events;
using DanVan.Plugins.Runtime.Tabs;
using DanVan.Plugins.Runtime.Data;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;
using DanVan.Plugins.Runtime.Jobs;
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
    /// <summary>Adds the gRPC server, health, reflection, the plugin manager, and the host-facing tabs and events services; map with <c>MapPluginRuntime()</c>.</summary>
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

            // After the token check: the officer a host names (x-danvan-user-id) is trusted only from a host caller.
            o.Interceptors.Add(new ActingUserInterceptor(options.HostCallers));
            o.Interceptors.Add(new RecordStoreErrorInterceptor());
        });
        services.AddGrpcHealthChecks();
        services.AddGrpcReflection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PluginLoader(sp, options));
        DirectoryService.DirectoryServiceClient? directory = null;
        services.TryAddSingleton(_ => DatabaseConnector.Create(options.Storage, options.DataDirectory));
        services.TryAddSingleton(sp => new PluginStorage(sp.GetRequiredService<DatabaseConnector>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(PluginDataServices.Share());

        // Durable jobs and the notification outbox share the runtime's one database connector.
        services.TryAddSingleton(sp => new JobStore(sp.GetRequiredService<DatabaseConnector>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new NotificationOutbox(sp.GetRequiredService<DatabaseConnector>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(PluginJobServices.Share());
        services.AddHostedService(sp => new JobSchemaInitializer(sp.GetRequiredService<JobStore>()));
        services.TryAddSingleton<IJobHandlerResolver>(sp => new PluginJobHandlerResolver(sp.GetRequiredService<PluginManager>(), sp.GetRequiredService<JobStore>()));
        services.TryAddSingleton(sp => new JobScheduler(
            sp.GetRequiredService<JobStore>(),
            sp.GetRequiredService<IJobHandlerResolver>(),
            sp.GetRequiredService<TimeProvider>(),
            options.Jobs,
            sp.GetRequiredService<ILogger<JobScheduler>>()));
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        if (options.HostAddress is not null)
        {
            var hostChannel = HostClients.CreateChannel(options);
            services.AddSingleton(HostClients.Share(hostChannel));
            directory = new DirectoryService.DirectoryServiceClient(hostChannel);

            // The outbox does its own backoff while the host is down, so its channel has no retry policy.
            var outboxChannel = HostClients.CreateChannel(options, retryIdempotent: false);
            services.TryAddSingleton(sp => new OutboxDispatcher(
                sp.GetRequiredService<NotificationOutbox>(),
                new NotificationsService.NotificationsServiceClient(outboxChannel),
                sp.GetRequiredService<TimeProvider>(),
                options.Outbox,
                sp.GetRequiredService<ILogger<OutboxDispatcher>>()));
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }

        services.TryAddSingleton(sp => new TabTokenSigner(TabTokenKey.Load(options), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TabUserDirectory(directory, options, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new BadgeCollector(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BadgeCollector>>()));
        services.TryAddSingleton(sp => new TabsServiceImpl(
            sp.GetRequiredService<PluginManager>(),
            sp.GetRequiredService<TabTokenSigner>(),
            sp.GetRequiredService<TabUserDirectory>(),
            sp.GetRequiredService<BadgeCollector>(),
            options,
            sp.GetRequiredService<ILogger<TabsServiceImpl>>()));
        services.TryAddSingleton(sp => new TabPageEndpoint(
            sp.GetRequiredService<PluginManager>(),
            sp.GetRequiredService<TabTokenSigner>(),
            options,
            sp.GetRequiredService<ILogger<TabPageEndpoint>>()));
        // Event ids live in the runtime's database for the contract's 30 days; a host that removed the
        // database connector gets the bounded in-memory fallback.
        services.TryAddSingleton<IEventIdLedger>(sp => sp.GetService<DatabaseConnector>() is { } connector
            ? new DurableEventIds(connector, sp.GetRequiredService<TimeProvider>())
            : new RecentEventIds(options.EventIdMemory));
        services.AddHostedService(sp => new EventIdCleanup(
            sp.GetRequiredService<IEventIdLedger>() as DurableEventIds,
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EventIdCleanup>>()));
        services.TryAddSingleton(sp => new EventDispatcher(
            sp.GetRequiredService<PluginManager>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EventDispatcher>>()));
        services.TryAddSingleton(sp => new EventsServiceImpl(
            sp.GetRequiredService<EventDispatcher>(),
            sp.GetRequiredService<IEventIdLedger>(),
            sp.GetRequiredService<TabUserDirectory>(),
            options));

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
            sp.GetRequiredService<ProvinceConfigurationWatcher>(),
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
