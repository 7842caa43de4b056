using System.Reflection;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC services to routes.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every rpc of <typeparamref name="TService"/> (a class derived from a generated <c>…Base</c>).
    /// The instance comes from DI when the type is registered, else one is created per call.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        endpoints.MapGrpcRegistry();
        var dataSource = services.GetRequiredService<GrpcEndpointDataSource>();

        var binder = new ServerMethodBinder<TService>(new ServiceActivator<TService>(services), services.GetRequiredService<ServerCallSettings>());
        Bind(binder);
        var registration = dataSource.Add(binder.ServiceName, binder.Descriptor, binder.Methods);
        return new GrpcServiceEndpointConventionBuilder(registration, dataSource);
    }

    /// <summary>Puts the routes of services added later through <c>GrpcServiceRegistry</c> in the app's endpoint table (and the UNIMPLEMENTED fallback).</summary>
    public static IEndpointRouteBuilder MapGrpcRegistry(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var dataSource = endpoints.ServiceProvider.GetService<GrpcEndpointDataSource>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before mapping gRPC services.");
        if (!endpoints.DataSources.Contains(dataSource))
        {
            endpoints.DataSources.Add(dataSource);
        }

        return endpoints;
    }

    internal static void Bind<TService>(ServiceBinder<TService> binder)
        where TService : class
    {
        var attribute = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{typeof(TService)} does not derive from a generated gRPC service base class.");
        var bind = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{attribute.BindType}.{attribute.BindMethodName} was not found.");
        bind.MakeGenericMethod(typeof(TService)).Invoke(null, [binder]);
    }
}
