namespace DanVan.Plugins.Grpc;

/// <summary>A server handler for a server-streaming rpc.</summary>
public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
