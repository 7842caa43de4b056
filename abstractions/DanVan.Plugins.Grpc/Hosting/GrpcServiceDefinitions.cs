using DanVan.Plugins.Grpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Grpc.Hosting;

/// <summary>
/// Builds request delegates for a service type whose instances come from somewhere other than the
/// server's DI — e.g. a plugin's own service provider in its own load context. The server's options
/// and interceptors still apply.
/// </summary>
public static class GrpcServiceDefinitions
{
    /// <summary>Binds every rpc of <typeparamref name="TService"/>, creating the instance per call with <paramref name="create"/> and handing it back to <paramref name="release"/> after the call.</summary>
    public static GrpcServiceDefinition Create<TService>(IServiceProvider serverServices, Func<HttpContext, TService> create, Func<HttpContext, TService, ValueTask>? release = null)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(serverServices);
        ArgumentNullException.ThrowIfNull(create);
        var settings = serverServices.GetService<ServerCallSettings>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before building gRPC services.");
        var binder = new ServerMethodBinder<TService>(new ServiceActivator<TService>(create, release), settings);
        GrpcEndpointRouteBuilderExtensions.Bind(binder);
        return new GrpcServiceDefinition(binder.ServiceName, binder.Descriptor, binder.Methods.Select(m => new GrpcMethodDefinition(m.Method, m.Handler)).ToList());
    }
}
