using DanVan.Plugins.Grpc.Internal;
using DanVan.Plugins.Grpc.Server;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Hosting;

/// <summary>
/// Adds and removes gRPC routes while the server runs. Services added here are routed like mapped
/// ones and listed by reflection. Resolve it from DI after <c>AddGrpc()</c>; the first
/// <c>MapGrpcService</c>/<c>MapGrpcRegistry</c> call puts its routes in the app's endpoint table.
/// </summary>
public sealed class GrpcServiceRegistry
{
    private readonly GrpcEndpointDataSource _dataSource;

    internal GrpcServiceRegistry(GrpcEndpointDataSource dataSource) => _dataSource = dataSource;

    /// <summary>The names of the services routed now.</summary>
    public IReadOnlyList<string> ServiceNames => _dataSource.Services.Select(s => s.ServiceName).ToList();

    /// <summary>Routes each rpc path of the service to its handler; fails if the service is already routed.</summary>
    public void Add(string serviceName, ServiceDescriptor? descriptor, IEnumerable<GrpcMethodDefinition> methods)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentNullException.ThrowIfNull(methods);
        _dataSource.Add(serviceName, descriptor, methods.Select(m => (m.Method, m.Handler)).ToList());
    }

    /// <summary>Routes the service, replacing any earlier registration atomically (a new plugin version's descriptor, say).</summary>
    public void AddOrReplace(string serviceName, ServiceDescriptor? descriptor, IEnumerable<GrpcMethodDefinition> methods)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentNullException.ThrowIfNull(methods);
        _dataSource.AddOrReplace(serviceName, descriptor, methods.Select(m => (m.Method, m.Handler)).ToList());
    }

    /// <summary>Stops routing the service; its paths answer UNIMPLEMENTED from then on.</summary>
    public bool Remove(string serviceName) => _dataSource.Remove(serviceName);

    /// <summary>Writes a status-only gRPC response (trailers-only), e.g. UNAVAILABLE for a disabled plugin.</summary>
    public static Task WriteStatusAsync(HttpContext http, Status status)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.ContentType = GrpcProtocol.ContentType;
        http.Response.Headers[GrpcProtocol.StatusHeader] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (status.Detail.Length > 0)
        {
            http.Response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        }

        return Task.CompletedTask;
    }
}
