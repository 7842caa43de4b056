using Google.Protobuf;

namespace DanVan.Plugins.Grpc;

/// <summary>The next step of a serverstreaming client call in an interceptor chain.</summary>
public delegate AsyncServerStreamingCall<TResponse> AsyncServerStreamingCallContinuation<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>;
