using Google.Protobuf;

namespace DanVan.Plugins.Grpc;

/// <summary>The call a client interceptor sees: the method, the host and the options it may change.</summary>
public readonly struct ClientInterceptorContext<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    /// <summary>Creates a context.</summary>
    public ClientInterceptorContext(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Method = method;
        Host = host;
        Options = options;
    }

    /// <summary>The rpc being called.</summary>
    public Method<TRequest, TResponse> Method { get; }

    /// <summary>The host override, or null.</summary>
    public string? Host { get; }

    /// <summary>The call options.</summary>
    public CallOptions Options { get; }
}
