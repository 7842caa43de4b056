using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace DanVan.Plugins.Grpc;

/// <summary>
/// Receives the rpcs of a service implementation type from generated <c>BindService</c> code.
/// The server maps them to HTTP/2 routes; the plugin runtime mounts them per plugin version.
/// Each handler takes the service instance, so one instance (or one per call) can serve it.
/// </summary>
public abstract class ServiceBinder<TService>
    where TService : class
{
    /// <summary>Records the protobuf descriptor of the service (for reflection).</summary>
    public abstract void SetServiceDescriptor(ServiceDescriptor descriptor);

    /// <summary>Adds a unary rpc.</summary>
    public abstract void AddUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    /// <summary>Adds a server-streaming rpc.</summary>
    public abstract void AddServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    /// <summary>Adds a client-streaming rpc.</summary>
    public abstract void AddClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    /// <summary>Adds a bidirectional-streaming rpc.</summary>
    public abstract void AddDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;
}
