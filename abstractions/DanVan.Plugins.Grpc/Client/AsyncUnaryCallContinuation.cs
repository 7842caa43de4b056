using Google.Protobuf;

namespace DanVan.Plugins.Grpc;

/// <summary>The next step of a unary client call in an interceptor chain.</summary>
public delegate AsyncUnaryCall<TResponse> AsyncUnaryCallContinuation<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>;
