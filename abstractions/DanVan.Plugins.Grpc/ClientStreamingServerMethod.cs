namespace DanVan.Plugins.Grpc;

/// <summary>A server handler for a client-streaming rpc.</summary>
public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
