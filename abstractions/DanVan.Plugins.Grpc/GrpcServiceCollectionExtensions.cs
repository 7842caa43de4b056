using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Hosting;
using DanVan.Plugins.Grpc.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC server.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server's services; map services with <c>MapGrpcService&lt;T&gt;()</c>.</summary>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions<GrpcServiceOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcEndpointDataSource>();
        services.TryAddSingleton(sp => new GrpcServiceRegistry(sp.GetRequiredService<GrpcEndpointDataSource>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
            var interceptors = options.Interceptors
                .Concat(options.InterceptorTypes.Select(t => (Interceptor)ActivatorUtilities.GetServiceOrCreateInstance(sp, t)))
                .ToList();
            return new ServerCallSettings(
            options,
            interceptors,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("DanVan.Plugins.Grpc.Server") ?? NullLogger.Instance);
        });
        return services;
    }
}
