using Google.Protobuf;

namespace DanVan.Plugins.Grpc;

/// <summary>The next step of a clientstreaming client call in an interceptor chain.</summary>
public delegate AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCallContinuation<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>;
