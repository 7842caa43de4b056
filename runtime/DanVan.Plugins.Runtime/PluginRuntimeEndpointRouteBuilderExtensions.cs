using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Events;
using DanVan.Plugins.Runtime.Tabs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the plugin runtime's gRPC surface.</summary>
public static class PluginRuntimeEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps plugin routes, grpc.health.v1, reflection, danvan.runtime.v1 PluginAdminService, TabsService and
    /// EventsService, and the tab pages at <c>/tabs/{pluginId}/{tabId}/{**rest}</c> (GET and POST).
    /// </summary>
    public static IEndpointRouteBuilder MapPluginRuntime(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcRegistry();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        endpoints.MapGrpcService<PluginAdminServiceImpl>();
        endpoints.MapGrpcService<TabsServiceImpl>();
        endpoints.MapGrpcService<EventsServiceImpl>();
        var tabPages = endpoints.ServiceProvider.GetRequiredService<TabPageEndpoint>();
        endpoints.MapMethods(TabPaths.RoutePattern, ["GET", "POST"], tabPages.HandleAsync).WithDisplayName("DanVan tab pages");
        return endpoints;
    }
}
