using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Hosting;

/// <summary>One rpc and the request delegate that serves it (protocol checks, deadline, interceptors, status).</summary>
public sealed class GrpcMethodDefinition(IMethod method, RequestDelegate handler)
{
    /// <summary>The rpc.</summary>
    public IMethod Method { get; } = method;

    /// <summary>Serves one call of the rpc.</summary>
    public RequestDelegate Handler { get; } = handler;
}
