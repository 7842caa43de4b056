using Google.Protobuf;

namespace DanVan.Plugins.Grpc;

/// <summary>The next step of a duplexstreaming client call in an interceptor chain.</summary>
public delegate AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCallContinuation<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>;
