using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Runtime.Routing;

/// <summary>A copy of a plugin rpc's description made in the default context, so route metadata never points into a plugin's context.</summary>
internal sealed record RouteMethod(MethodType Type, string ServiceName, string Name, string FullName, bool IsIdempotent) : IMethod
{
    public static RouteMethod From(IMethod method) => new(method.Type, method.ServiceName, method.Name, method.FullName, method.IsIdempotent);
}
