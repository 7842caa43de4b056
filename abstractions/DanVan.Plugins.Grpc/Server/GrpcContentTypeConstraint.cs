using DanVan.Plugins.Grpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>Lets the catch-all UNIMPLEMENTED route match only gRPC requests, so other POST routes of the app are left alone.</summary>
internal sealed class GrpcContentTypeConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null && GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType);
}
