using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Administration;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the plugin runtime's gRPC surface.</summary>
public static class PluginRuntimeEndpointRouteBuilderExtensions
{
    /// <summary>Maps plugin routes, grpc.health.v1, reflection and danvan.runtime.v1.PluginAdminService.</summary>
    public static IEndpointRouteBuilder MapPluginRuntime(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcRegistry();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        endpoints.MapGrpcService<PluginAdminServiceImpl>();
        return endpoints;
    }
}
